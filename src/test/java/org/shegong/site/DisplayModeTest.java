package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shegong.site.cache.PageCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** 关怀模式 and the text size: a link sets a cookie, every page honours it, and the page cache keeps one copy each. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:display;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=true"})
@AutoConfigureMockMvc
class DisplayModeTest {

    @Autowired MockMvc mvc;
    @Autowired PageCache pageCache;

    @BeforeEach
    void emptyCache() {
        pageCache.evictAll();
    }

    private MvcResult page(String url, Cookie... cookies) throws Exception {
        var request = get(url);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPlainLinkSetsTheCookieForAYearAndGoesBack() throws Exception {
        MvcResult result = mvc.perform(get("/display").param("mode", "care-large").param("back", "/column/news"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/column/news")).andReturn();
        String setCookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).contains("sg_display=care-large", "Path=/", "Max-Age=31536000", "SameSite=Lax");
        MvcResult reset = mvc.perform(get("/display").param("mode", "medium").param("back", "/"))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(reset.getResponse().getHeader("Set-Cookie")).contains("sg_display=medium", "Max-Age=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\\\evil.example", "javascript:alert(1)", ""})
    void onlyPathsOnThisSiteAreGoneBackTo(String back) throws Exception {
        mvc.perform(get("/display").param("mode", "large").param("back", back)).andExpect(redirectedUrl("/"));
    }

    @Test
    void anUnknownModeIsABadRequestInChinese() throws Exception {
        String page = mvc.perform(get("/display").param("mode", "huge")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("显示方式无效");
        mvc.perform(get("/display")).andExpect(status().isBadRequest());
    }

    @Test
    void pagesAreRenderedForTheChoiceAndLinkToTheOtherChoices() throws Exception {
        String plain = html(page("/column/news"));
        assertThat(plain).contains("<html lang=\"zh-CN\">", ">关怀模式</a>")
                .contains("href=\"/display?mode=care-medium&amp;back=%2Fcolumn%2Fnews\"");
        String care = html(page("/column/news", new Cookie("sg_display", "care-large")));
        assertThat(care).contains("<html lang=\"zh-CN\" class=\"care fs-large\">", ">退出关怀模式</a>")
                .contains("href=\"/display?mode=large&amp;back=%2Fcolumn%2Fnews\"")
                .contains("aria-current=\"true\" aria-label=\"字号大\"");
        String small = html(page("/page/about", new Cookie("sg_display", "small")));
        assertThat(small).contains("<html lang=\"zh-CN\" class=\"fs-small\">");
        String junk = html(page("/", new Cookie("sg_display", "<script>")));
        assertThat(junk).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void thePageCacheKeepsOneCopyPerChoiceAndNeverMixesThem() throws Exception {
        Cookie care = new Cookie("sg_display", "care-medium");
        MvcResult first = page("/", care);
        assertThat(first.getResponse().getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(page("/", care).getResponse().getHeader("X-Cache")).as("kept from its second request")
                .isEqualTo("MISS");
        MvcResult again = page("/", care);
        assertThat(again.getResponse().getHeader("X-Cache")).as("a display cookie does not bypass the cache")
                .isEqualTo("HIT");
        assertThat(html(again)).contains("class=\"care\"");
        MvcResult plain = page("/");
        assertThat(plain.getResponse().getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(html(plain)).contains("<html lang=\"zh-CN\">").doesNotContain("class=\"care\"");
        assertThat(html(page("/"))).doesNotContain("class=\"care\"");
        assertThat(page("/").getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(html(page("/"))).as("the plain copy, kept beside the care copy").doesNotContain("class=\"care\"");
        assertThat(html(page("/", care))).contains("class=\"care\"");
        mvc.perform(get("/")).andExpect(header().string("Vary", "Accept-Encoding, Cookie"));

        pageCache.evict("/");
        assertThat(page("/", care).getResponse().getHeader("X-Cache")).as("evicting a path evicts its variants")
                .isEqualTo("MISS");
        page("/column/news/page/2", care);
        page("/column/news/page/2", care);
        assertThat(page("/column/news/page/2", care).getResponse().getHeader("X-Cache")).isEqualTo("HIT");
        pageCache.evictIf(path -> path.startsWith("/column/"));
        assertThat(page("/column/news/page/2", care).getResponse().getHeader("X-Cache")).isEqualTo("MISS");
    }
}
