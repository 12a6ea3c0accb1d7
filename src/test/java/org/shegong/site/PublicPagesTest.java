package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shegong.content.ViewCounter;
import org.shegong.content.importer.ArticleImporter;
import org.shegong.site.cache.PageCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every public page and every error case, on the demo content plus the shared sample file. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class PublicPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ViewCounter views;

    @Autowired
    PageCache pageCache;

    @BeforeEach
    void importSampleOnce() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM article WHERE external_id = '1'").query(Long.class).single() == 0) {
            try (InputStream in = new ClassPathResource("samples/articles.jsonl").getInputStream()) {
                importer.importJsonLines(in, n -> { });
            }
        }
    }

    private String html(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html")).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long idOf(String title) {
        return jdbc.sql("SELECT id FROM article WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void homeShowsTheFeaturedItemTheColumnsAndTheLatestDigest() throws Exception {
        String page = html("/");
        assertThat(page).contains("<html lang=\"zh-CN\">", "<title>社工中国网</title>")
                .contains("辽宁省2025年度社会工作人才交流示范系列活动先后在大连、沈阳、锦州和阜新四个城市启动")
                .contains("[详情]")
                .contains("href=\"/column/news\"", "href=\"/column/policy\"", "href=\"/column/research\"",
                        "href=\"/column/federation\"", "href=\"/column/notices\"", "href=\"/column/weekly\"")
                .contains("行业动态", "政策法规", "理论研究", "联合会动态", "通知公告")
                .contains("社会工作一周动态")
                .contains("2023年 沈阳浑南区实现社会工作师占比达70%");
    }

    @Test
    void columnPageListsTwentyItemsNewestFirstWithBreadcrumbAndNumberedPages() throws Exception {
        String page = html("/column/news");
        assertThat(page).contains("<h1 class=\"column-title\">行业动态</h1>", "aria-label=\"当前位置\"", ">首页</a>")
                .contains("class=\"featured\"");
        assertThat(page.indexOf("class=\"featured\"")).isLessThan(page.indexOf("class=\"listing\""));
        assertThat(page.split("<h2 class=\"item-title\">", -1)).hasSize(21);
        assertThat(page).contains("aria-label=\"分页\"", "rel=\"next\"", ">末页</a>", "aria-current=\"page\">1</span>");
        // The sample's news items are from 2021; the seed's demo items were published at start-up, so are newest.
        assertThat(page.indexOf("2023年 沈阳浑南区实现社会工作师占比达70%"))
                .isLessThan(page.indexOf("海南省首批66个乡镇(街道)社工站已全部运营"));
        assertThat(page).contains("<link rel=\"canonical\" href=\"http://localhost:8080/column/news\">");
        // A list shows days, so its machine-readable time is that day (China time), as shown.
        java.util.regex.Matcher times = java.util.regex.Pattern.compile("<time datetime=\"([^\"]*)\">([^<]*)</time>")
                .matcher(page);
        int listed = 0;
        while (times.find()) {
            assertThat(times.group(1)).matches("\\d{4}-\\d{2}-\\d{2}").isEqualTo(times.group(2));
            listed++;
        }
        assertThat(listed).isGreaterThanOrEqualTo(20);
    }

    @Test
    void laterPagesHavePreviousAndFirstLinksAndNoItemOfTheFirstPage() throws Exception {
        String first = html("/column/news");
        String second = html("/column/news/page/2");
        assertThat(second).contains("rel=\"prev\"", ">首页</a>", "aria-current=\"page\">2</span>")
                .contains("<title>行业动态 - 第2页 - 社工中国网</title>");
        for (String href : second.split("<h2 class=\"item-title\"><a href=\"")) {
            if (href.startsWith("/article/")) {
                String link = "<h2 class=\"item-title\"><a href=\"" + href.substring(0, href.indexOf('"')) + "\"";
                assertThat(first).doesNotContain(link);
            }
        }
    }

    @Test
    void theQueryStringFormRedirectsToTheCanonicalPageUrl() throws Exception {
        mvc.perform(get("/column/news").param("page", "2")).andExpect(status().isMovedPermanently())
                .andExpect(redirectedUrl("/column/news/page/2"));
    }

    @Test
    void articlePageCarriesEveryFieldMetaTagsAndNavigation() throws Exception {
        long id = idOf("江苏：深圳市先后派出援疆干部人才1257人次");
        String page = html("/article/" + id);
        assertThat(page).contains("<h1>江苏：深圳市先后派出援疆干部人才1257人次</h1>")
                .contains("<dt>发布时间</dt>", "<time datetime=\"2021-01-01T19:29:07+08:00\">2021年1月1日 19:29</time>",
                        "<dt>来源</dt><dd>中国社会工作联合会</dd>",
                        "<dt>浏览次数</dt>")
                .contains("建立“左邻右舍”新型网上虚拟社区")
                .contains("<meta name=\"ArticleTitle\" content=\"江苏：深圳市先后派出援疆干部人才1257人次\">")
                .contains("<meta name=\"PubDate\" content=\"2021-01-01T19:29:07+08:00\">")
                .contains("<meta name=\"ContentSource\" content=\"中国社会工作联合会\">")
                .contains("<meta name=\"ColumnName\" content=\"行业动态\">")
                .contains("<meta name=\"Keywords\"", "<meta name=\"Description\" content=\"建立“左邻右舍”")
                .contains("<meta property=\"og:title\" content=\"江苏：深圳市先后派出援疆干部人才1257人次\">")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080/article/" + id + "\">")
                .contains("上一篇：", "下一篇：", "相关阅读")
                .contains("字号：", "aria-label=\"字号大\"", "aria-label=\"字号小\"", "关怀模式")
                .contains("aria-current=\"page\">正文</span>");
    }

    @Test
    void seedItemWithoutBodyShowsItsSummaryAsText() throws Exception {
        String page = html("/article/" + idOf("黑龙江省牡丹江市首个社工站正式运营"));
        assertThat(page).contains("牡丹江市爱民区兴平街道社会工作服务站(以下简称“社工站”)正式开站运营");
    }

    @Test
    void viewsAreCountedInMemoryAndWrittenInBatches() throws Exception {
        long id = idOf("海南省首批66个乡镇(街道)社工站已全部运营");
        pageCache.evictAll();
        views.flush();
        long before = jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id).query(Long.class).single();
        String first = html("/article/" + id);
        String second = html("/article/" + id); // rendered again: a page is kept from its second request
        String third = html("/article/" + id);
        assertThat(first).contains("<dt>浏览次数</dt><dd>" + (before + 1) + "</dd>");
        assertThat(second).contains("<dt>浏览次数</dt><dd>" + (before + 2) + "</dd>");
        assertThat(third).as("served from the page cache: the count shown lags until the page expires")
                .isEqualTo(second);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id).query(Long.class).single())
                .as("not written per request").isEqualTo(before);
        views.flush();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id).query(Long.class).single())
                .isEqualTo(before + 3);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/column/news/page/0, 400",
            "/column/news/page/-1, 400",
            "/column/news/page/abc, 400",
            "/column/news/page/1.5, 400",
            "/column/news/page/99999999, 404",
            "/column/news/page/99999999999999999999, 400",
            "/column/news?page=abc, 400",
            "/column/news?page=-1, 400",
            "/column/nope, 404",
            "/column/nope/page/2, 404",
            "/article/999999999, 404",
            "/article/abc, 404",
            "/article/-5, 404",
            "/article/99999999999999999999999, 404",
            "/no/such/page, 404",
            "/column, 404"
    })
    void badAddressesGetAChinesePageWithTheRightStatusAndNoStackTrace(String url, int expected) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().is(expected)).andReturn();
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"zh-CN\">", "返回首页")
                .contains(expected == 404 ? "页面未找到" : "请求有误")
                .doesNotContain("Exception", "at org.", "Whitelabel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "%00", "' OR 1=1 --", "😀😀😀", "社工站"})
    void oddQueryStringsAreHarmless(String value) throws Exception {
        mvc.perform(get("/").param("q", value).param("x", "y".repeat(4000))).andExpect(status().isOk());
        mvc.perform(get("/column/news/page/2").param("utm", value)).andExpect(status().isOk());
    }

    @Test
    void headWorksAndPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(head("/column/news")).andExpect(status().isOk());
        mvc.perform(post("/column/news")).andExpect(status().isForbidden());
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/")).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
    }
}
