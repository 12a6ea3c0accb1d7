package org.shegong.search.web;

import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application: articles published, edited and withdrawn through the content service reach the index
 * through the real outbox within a second; the search page and the suggest endpoint answer any input.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:search;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class SearchPipelineTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ColumnService columns;

    @Autowired
    SearchEngine engine;

    @BeforeEach
    void indexIsReady() {
        awaitWithin(30_000, () -> !engine.status().rebuilding() && engine.search(SearchQuery.simple("社工站")).total() > 0);
    }

    @Test
    void publishedEditedAndWithdrawnArticlesAreFoundUpdatedAndGoneWithinASecond() {
        ArticleInput live = input("蓝鲸湾社工站试点启动", "<p>蓝鲸湾街道的社会工作服务站今天开始服务居民。</p>", ArticleStatus.LIVE);
        long id = articles.save(live).id();
        awaitWithin(1_000, () -> ids("蓝鲸湾").contains(id));

        articles.save(input("白鹭洲社工站试点启动", "<p>白鹭洲街道的社会工作服务站今天开始服务居民。</p>", ArticleStatus.LIVE));
        awaitWithin(1_000, () -> ids("白鹭洲").contains(id) && !ids("蓝鲸湾").contains(id));

        articles.save(input("白鹭洲社工站试点启动", "<p>白鹭洲街道的社会工作服务站今天开始服务居民。</p>", ArticleStatus.WITHDRAWN));
        awaitWithin(1_000, () -> !ids("白鹭洲").contains(id));
    }

    @Test
    void searchPageShowsHighlightedResultsWithColumnDateAndCount() throws Exception {
        String page = html("/search?q=社工站");
        assertThat(page).contains("<mark>社工站</mark>", "条结果", "行业动态", "href=\"/article/")
                .contains("<form class=\"search-form\"", "name=\"column\"", "name=\"kind\"", "name=\"sort\"");
        assertThat(html("/search?q=社工站&sort=newest&column=news&from=2000-01-01&to=2100-12-31&kind=news"))
                .contains("<mark>社工站</mark>");
    }

    @Test
    void readersQuestionsTyposAndPinyinGetResultsAndThePageSaysHow() throws Exception {
        assertThat(html("/search?q=江苏持证社工目标是多少")).contains("<mark>持证社工</mark>", "以下结果未包含全部关键词");
        assertThat(html("/search?q=社工占")).contains("「社工占」没有找到结果，以下是「社工站」的结果", "<mark>社工站</mark>");
        assertThat(html("/search?q=sgz")).contains("按拼音「sgz」搜索：以下是「社工站」的结果", "<mark>社工站</mark>");
        assertThat(html("/search?q=社會工作服務站")).contains("<mark>社会工作服务站</mark>");
    }

    @Test
    void everyPageHasTheSearchBoxAndTheSuggestScript() throws Exception {
        assertThat(html("/")).contains("action=\"/search\"", "name=\"q\"", "/js/search-suggest.js");
        assertThat(html("/search")).contains("输入关键词搜索本站文章");
    }

    @Test
    void nothingFoundOffersAlternativesAndColumns() throws Exception {
        assertThat(html("/search?q=三社连动")).contains("没有找到", "三社联动", "href=\"/column/news\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "社工站 AND (a OR b) \"x\" ~2 *?:\\/[]{}^+-", "😀🎉", "2021年", "10万", "70%",
            "COVID-19", "<script>alert(1)</script>", "%00", "社工站社工站社工站"})
    void anyQueryIsAnsweredWithAPage(String q) throws Exception {
        String page = html("/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        mvc.perform(get("/search/suggest").param("q", q)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"));
    }

    @Test
    void aTenThousandCharacterQueryIsCapped() throws Exception {
        String page = html("/search?q=" + "社".repeat(10_000));
        assertThat(page).contains("value=\"" + "社".repeat(100) + "\"").doesNotContain("社".repeat(101));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=abc", "page=0", "page=-1", "page=99999999999", "from=2021-13-01", "to=yesterday",
            "from=2021-09-01&to=2021-08-01", "sort=random", "kind=poem", "column=nowhere"})
    void badFiltersGetAChinese400(String query) throws Exception {
        String page = mvc.perform(get("/search?q=社工站&" + query)).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请求有误");
    }

    @Test
    void aPageBeyondTheLastIsA404() throws Exception {
        mvc.perform(get("/search?q=社工站&page=40")).andExpect(status().isNotFound());
    }

    @Test
    void suggestReturnsTermsAndTitlesAsJson() throws Exception {
        String json = mvc.perform(get("/search/suggest").param("q", "高级")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"text\":\"高级社会工作师\"", "\"type\":\"term\"", "\"type\":\"title\"",
                "\"url\":\"/article/");
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<Long> ids(String query) {
        return engine.search(SearchQuery.simple(query)).hits().stream().map(SearchHit::articleId).toList();
    }

    private ArticleInput input(String title, String body, ArticleStatus status) {
        return new ArticleInput("pipeline-1", title, null, null, body, "民政部", null, null, Kind.NEWS, false,
                List.of(columns.bySlug("news").orElseThrow().id()), List.of(), null,
                Instant.parse("2026-11-20T02:00:00Z"), status);
    }

}
