package org.shegong.site.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.region.RegionTagging;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** /region, a province's and a city's pages, their RSS and errors, on the demo content. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:regionpages;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class RegionPagesTest {

    static final String HUNNAN = "2023年 沈阳浑南区实现社会工作师占比达70%";

    @Autowired MockMvc mvc;
    @Autowired RegionTagging tagging;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void tagged() {
        // The demo import's outbox event re-tags in the background; tagging here makes the test independent of it.
        if (jdbc.sql("SELECT COUNT(*) FROM region_listing WHERE region_code = '210000'").query(Long.class).single() == 0) {
            tagging.retagAll(n -> { });
        }
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theMapLinksEveryProvinceAndListsThemBesideIt() throws Exception {
        String page = html("/region");
        assertThat(page).contains("<svg class=\"tile-map\"", "role=\"group\"", "aria-labelledby=\"region-map-caption\"",
                        "省份列表", "图例", "最近一年")
                .contains("href=\"/region/210000\"", "href=\"/region/650000\"", "href=\"/region/810000\"")
                .containsPattern("aria-label=\"辽宁：[1-9][0-9]* 条\"")
                .doesNotContain("src=\"http", "href=\"https://cdn");
        assertThat(page.split("href=\"/region/[0-9]{6}\"", -1)).hasSize(1 + 2 * 34); // each in the map and the list
        assertThat(html("/")).contains("href=\"/region\"");
    }

    @Test
    void aProvinceListsItsItemsItsCitiesAndItsFeed() throws Exception {
        String page = html("/region/210000");
        assertThat(page).contains("<h1 class=\"column-title\">辽宁省</h1>", HUNNAN, "下辖地市",
                "href=\"/region/210100\"", "href=\"/region/210000/rss.xml\"", "name=\"region\" value=\"210000\"");
        assertThat(html("/region/210100")).contains("沈阳市", HUNNAN, "下辖区县", "href=\"/region/210112\"",
                "href=\"/region/210000\"");
        String rss = mvc.perform(get("/region/210000/rss.xml")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/rss+xml")))
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rss).contains("<title>社工中国网 - 辽宁省</title>", HUNNAN);
    }

    @Test
    void listingsAndTheArticlePageNameTheRegion() throws Exception {
        long id = jdbc.sql("SELECT id FROM article WHERE title = ?").param(HUNNAN).query(Long.class).single();
        assertThat(html("/article/" + id)).contains("<a href=\"/region/210112\">辽宁省沈阳市浑南区</a>");
        assertThat(html("/column/news")).containsPattern("<span class=\"place\"><span class=\"visually-hidden\">地区：</span>"
                + "<a href=\"/region/[0-9]{6}\"");
    }

    @Test
    void badAddressesAreRefusedInChinese() throws Exception {
        assertThat(mvc.perform(get("/region/000000")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("没有找到这个地区");
        mvc.perform(get("/region/dongbei")).andExpect(status().isNotFound());
        mvc.perform(get("/region/999999/rss.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/region/210000/page/0")).andExpect(status().isBadRequest());
        mvc.perform(get("/region/210000/page/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/region/210000/page/9999")).andExpect(status().isNotFound());
        mvc.perform(get("/region/210000?page=2")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/region/210000/page/2"));
    }
}
