package org.shegong.editorial.web;

import org.shegong.admin.AdminPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Editors' search through HTTP and the real outbox relay: drafts are found in the back office and never on the
 * site, and every workflow step reaches the editors' search within a second of the action's response.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:articlesearch;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class ArticleSearchPagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired SearchEngine engine;

    AdminPages pages;
    MockHttpSession chief;
    MockHttpSession contributor;
    MockHttpSession editor;
    MockHttpSession reviewer;
    MockHttpSession otherChief;
    long news;
    long policy;

    @BeforeEach
    void users() throws Exception {
        awaitWithin(30_000, () -> !engine.status().rebuilding());
        pages = new AdminPages(mvc);
        news = columns.bySlug("news").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        chief = session("chief" + suffix, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        policy = columns.bySlug("policy").orElseThrow().id();
        contributor = session("member" + suffix, List.of(new ColumnGrant(policy, Role.CONTRIBUTOR)));
        editor = session("editor" + suffix, List.of(new ColumnGrant(news, Role.EDITOR)));
        reviewer = session("reviewer" + suffix, List.of(new ColumnGrant(news, Role.REVIEWER)));
        otherChief = session("chief2" + suffix, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
    }

    private MockHttpSession session(String username, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, false, grants);
        return pages.login(username, PASSWORD);
    }

    @Test
    void aDraftsWordIsFoundInTheBackOfficeAndNeverOnTheSite() throws Exception {
        long id = create("雪松湾社工站筹备草稿", "<p>雪松湾街道正在筹备社会工作服务站。</p>");
        awaitWithin(1_000, () -> editors("雪松湾", null).contains(id));

        String found = pages.page(chief, "/admin/search?q=雪松湾", 200);
        assertThat(found).contains("href=\"/admin/articles/" + id + "\"", "<mark>雪松湾</mark>", "草稿", "行业动态",
                "找到 1 篇");
        String site = html("/search?q=雪松湾");
        assertThat(site).contains("没有找到").doesNotContain("/article/" + id);
        assertThat(engine.search(SearchQuery.simple("雪松湾")).total()).isZero();
        mvc.perform(get("/search/suggest").param("q", "雪松湾")).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .doesNotContain("/article/" + id));
    }

    @Test
    void everyWorkflowStepReachesTheEditorsSearchWithinASecond() throws Exception {
        long id = create("冰凌湖社工站试点", "<p>冰凌湖社区试点社会工作服务站。</p>");
        awaitStage(id, "冰凌湖", "DRAFT");
        act(id, "submit", "");
        awaitStage(id, "冰凌湖", "IN_REVIEW");
        assertThat(editors("冰凌湖", "DRAFT")).doesNotContain(id);
        act(id, "reject", "请补充数据");
        awaitStage(id, "冰凌湖", "REJECTED");
        act(id, "submit", "");
        // Three levels, three people, none of them the author.
        for (MockHttpSession level : List.of(editor, reviewer, otherChief)) {
            pages.posted(pages.send(level, "/admin/articles/" + id + "/approve"), 302);
        }
        awaitStage(id, "冰凌湖", "APPROVED");
        String later = LocalDateTime.now(Times.CHINA).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        pages.posted(pages.send(chief, "/admin/articles/" + id + "/schedule").param("goLiveAt", later), 302);
        awaitStage(id, "冰凌湖", "SCHEDULED");
        act(id, "unschedule", "");
        awaitStage(id, "冰凌湖", "APPROVED");
        act(id, "publish", "");
        awaitStage(id, "冰凌湖", "LIVE");
        awaitWithin(1_000, () -> readers("冰凌湖").contains(id));

        pages.posted(form(chief, "/admin/articles/" + id, "冰凌湖社工站试点",
                "<p>冰凌湖社区试点社会工作服务站，新增琥珀巷服务点。</p>").param("base", "1"), 302);
        awaitStage(id, "琥珀巷", "DRAFT");
        assertThat(readers("琥珀巷")).as("the pending revision stays off the site").doesNotContain(id);
        assertThat(editors("冰凌湖", null).stream().filter(found -> found == id)).as("one row per article").hasSize(1);
        assertThat(pages.page(chief, "/admin/search?q=琥珀巷&status=LIVE", 200))
                .contains("href=\"/admin/articles/" + id + "\"", "线上有旧版");

        pages.posted(pages.send(chief, "/admin/articles/" + id + "/withdraw").param("comment", "信息有误"), 302);
        awaitStage(id, "琥珀巷", "WITHDRAWN");
        awaitWithin(1_000, () -> !readers("冰凌湖").contains(id));
    }

    @Test
    void theStatusFilterNarrowsAndBadFiltersGetAChinese400() throws Exception {
        long id = create("翡翠湾社工站筹备", "<p>翡翠湾的筹备工作。</p>");
        awaitWithin(1_000, () -> editors("翡翠湾", null).contains(id));
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&status=DRAFT&column=news&kind=NEWS&sort=newest", 200))
                .contains("href=\"/admin/articles/" + id + "\"");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&status=LIVE", 200))
                .doesNotContain("href=\"/admin/articles/" + id + "\"").contains("没有找到");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&page=7", 200)).contains("只有 1 页", "回到第一页");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&status=NOPE", 400)).contains("状态不正确");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&column=nowhere", 400)).contains("没有这个栏目");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&kind=poem", 400)).contains("稿件类型不正确");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&sort=random", 400)).contains("排序方式不正确");
        assertThat(pages.page(chief, "/admin/search?q=翡翠湾&page=abc", 400)).contains("请求参数有误");
        assertThat(pages.page(chief, "/admin/search", 200)).contains("搜索稿件", "name=\"q\"")
                .doesNotContain("search-results");
        assertThat(pages.page(chief, "/admin/search?q=" + java.net.URLEncoder.encode(
                "社工站 AND (a OR b) \"x\" ~2 *?:\\/[]{}^+- <script>", StandardCharsets.UTF_8), 200))
                .doesNotContain("<script>");
    }

    @Test
    void everyStaffAccountFindsWhatTheArticleListShowsIt() throws Exception {
        long id = create("琉璃塔社区观察", "<p>琉璃塔社区的社会工作观察。</p>");
        awaitWithin(1_000, () -> editors("琉璃塔", null).contains(id));
        assertThat(pages.page(chief, "/admin/articles?q=琉璃塔", 200)).contains("/admin/articles/" + id);
        assertThat(pages.page(chief, "/admin/search?q=琉璃塔", 200)).contains("/admin/articles/" + id);
        // A contributor sees only their own articles, in the list and in the search alike (ADR 0028).
        assertThat(pages.page(contributor, "/admin/articles?q=琉璃塔", 200)).doesNotContain("/admin/articles/" + id);
        assertThat(pages.page(contributor, "/admin/search?q=琉璃塔", 200)).doesNotContain("/admin/articles/" + id);
        String own = mvc.perform(pages.send(contributor, "/admin/articles").param("title", "琉璃塔投稿")
                        .param("primaryColumn", String.valueOf(policy)).param("kind", "NEWS")
                        .param("body", "<p>琉璃塔社区的投稿。</p>")).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        long mine = Long.parseLong(own.replaceAll("\\D*(\\d+).*", "$1"));
        awaitWithin(1_000, () -> editors("琉璃塔", null).contains(mine));
        assertThat(pages.page(contributor, "/admin/articles?q=琉璃塔", 200)).contains("/admin/articles/" + mine);
        assertThat(pages.page(contributor, "/admin/search?q=琉璃塔", 200)).contains("/admin/articles/" + mine);
        assertThat(pages.page(contributor, "/admin/articles", 200)).contains("action=\"/admin/search\"");
        mvc.perform(get("/admin/search").param("q", "琉璃塔")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/login"));
    }

    private void awaitStage(long id, String word, String stage) {
        awaitWithin(1_000, () -> editors(word, stage).contains(id));
    }

    private List<Long> editors(String q, String stage) {
        return ids(SearchQuery.editors(q, null, null, stage, SearchQuery.Sort.RELEVANCE, 1));
    }

    private List<Long> readers(String q) {
        return ids(SearchQuery.simple(q));
    }

    private List<Long> ids(SearchQuery query) {
        return engine.search(query).hits().stream().map(SearchHit::articleId).toList();
    }

    private long create(String title, String body) throws Exception {
        String location = mvc.perform(form(chief, "/admin/articles", title, body))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
    }

    private MockHttpServletRequestBuilder form(MockHttpSession session, String url, String title, String body) {
        return pages.send(session, url).param("title", title).param("primaryColumn", String.valueOf(news))
                .param("kind", "NEWS").param("body", body).param("source", "本网");
    }

    private void act(long id, String action, String comment) throws Exception {
        pages.posted(pages.send(chief, "/admin/articles/" + id + "/" + action).param("comment", comment), 302);
    }

    private String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

}
