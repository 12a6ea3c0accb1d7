package org.shegong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.admin.AdminPages;
import org.shegong.column.ColumnService;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * IDOR: someone else's article id, tried on every page and action that takes one, answers 404 "没有找到这篇稿件"
 * for whoever may not see it (ADR 0028), and the lists and the editors' search do not show it; those who may see
 * it open it. Menus and the column dropdown offer only what the person may use.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:visibility;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class ArticleVisibilityPagesTest {

    static final String PASSWORD = "pass-word-12345";
    static final String TITLE = "琥珀巷社区未公开草稿";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired SearchEngine engine;

    AdminPages pages;
    long news;
    long policy;
    MockHttpSession author;
    Map<String, MockHttpSession> outsiders;
    Map<String, MockHttpSession> insiders;
    long id;

    @BeforeEach
    void setUp() throws Exception {
        awaitWithin(30_000, () -> !engine.status().rebuilding());
        pages = new AdminPages(mvc);
        news = columns.bySlug("news").orElseThrow().id();
        policy = columns.bySlug("policy").orElseThrow().id();
        String s = String.valueOf(System.nanoTime() % 100_000_000);
        author = session("au" + s, false, new ColumnGrant(news, Role.CONTRIBUTOR));
        outsiders = Map.of(
                "another contributor of the column", session("oc" + s, false, new ColumnGrant(news, Role.CONTRIBUTOR)),
                "an editor of another column", session("oe" + s, false, new ColumnGrant(policy, Role.EDITOR)),
                "a reviewer of another column", session("or" + s, false, new ColumnGrant(policy, Role.REVIEWER)));
        insiders = Map.of(
                "an editor of the column", session("ie" + s, false, new ColumnGrant(news, Role.EDITOR)),
                "a chief editor of another column", session("ic" + s, false, new ColumnGrant(policy, Role.CHIEF_EDITOR)),
                "an administrator", session("ia" + s, true));
        String location = mvc.perform(form(author, "/admin/articles", "<p>琥珀巷的第一稿。</p>").param("primaryColumn",
                String.valueOf(news))).andReturn().getResponse().getRedirectedUrl();
        id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        pages.posted(form(author, "/admin/articles/" + id, "<p>琥珀巷的第二稿。</p>").param("base", "1"), 302);
        awaitWithin(2_000, () -> engine.search(SearchQuery.editors("琥珀巷", null, null, null,
                SearchQuery.Sort.RELEVANCE, 1)).hits().stream().map(SearchHit::articleId).toList().contains(id));
    }

    private MockHttpSession session(String username, boolean administrator, ColumnGrant... grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, administrator, List.of(grants));
        return pages.login(username, PASSWORD);
    }

    private MockHttpServletRequestBuilder form(MockHttpSession session, String url, String body) {
        return pages.send(session, url).param("title", TITLE).param("primaryColumn", String.valueOf(news))
                .param("kind", "NEWS").param("body", body);
    }

    @Test
    void someoneElsesArticleIsNotFoundOnEveryPageAndActionAndMissingFromListsAndSearch() throws Exception {
        String article = "/admin/articles/" + id;
        for (Map.Entry<String, MockHttpSession> outsider : outsiders.entrySet()) {
            MockHttpSession who = outsider.getValue();
            for (String url : List.of(article, article + "/preview", article + "/preview?revision=1",
                    article + "/revisions/1/diff/2")) {
                assertThat(pages.page(who, url, 404)).as(outsider.getKey() + " GET " + url).contains("没有找到这篇稿件");
            }
            assertThat(pages.posted(form(who, article + "/autosave", "<p>偷改</p>").param("base", "2"), 404))
                    .as(outsider.getKey() + " autosave").contains("没有找到这篇稿件");
            assertThat(pages.posted(form(who, article, "<p>偷改</p>").param("base", "2"), 404))
                    .as(outsider.getKey() + " save").contains("没有找到这篇稿件");
            assertThat(pages.posted(pages.send(who, article + "/revisions/1/restore").param("base", "2"), 404))
                    .as(outsider.getKey() + " restore").contains("没有找到这篇稿件");
            for (String action : List.of("submit", "approve", "approve-and-publish", "reject", "publish", "schedule",
                    "unschedule", "withdraw")) {
                assertThat(pages.posted(pages.send(who, article + "/" + action).param("comment", "x"), 404))
                        .as(outsider.getKey() + " " + action).contains("没有找到这篇稿件");
            }
            assertThat(pages.page(who, "/admin/articles?q=琥珀巷", 200)).as(outsider.getKey() + " list")
                    .doesNotContain(article);
            assertThat(pages.page(who, "/admin/articles", 200)).doesNotContain(article);
            assertThat(pages.page(who, "/admin/search?q=琥珀巷", 200)).as(outsider.getKey() + " search")
                    .doesNotContain(article);
            assertThat(pages.page(who, "/admin", 200)).doesNotContain(article);
        }
        assertThat(pages.page(author, article, 200)).contains(TITLE, "第 2 版");
        assertThat(pages.page(author, "/admin/articles?q=琥珀巷", 200)).contains(article);
        assertThat(pages.page(author, "/admin/search?q=琥珀巷", 200)).contains(article);
        for (Map.Entry<String, MockHttpSession> insider : insiders.entrySet()) {
            MockHttpSession who = insider.getValue();
            assertThat(pages.page(who, article, 200)).as(insider.getKey()).contains(TITLE);
            pages.page(who, article + "/preview", 200);
            pages.page(who, article + "/revisions/1/diff/2", 200);
            assertThat(pages.page(who, "/admin/articles?q=琥珀巷", 200)).as(insider.getKey()).contains(article);
            assertThat(pages.page(who, "/admin/search?q=琥珀巷", 200)).as(insider.getKey()).contains(article);
        }
    }

    @Test
    void menusAndTheColumnDropdownOfferOnlyWhatThePersonMayUse() throws Exception {
        String menu = pages.page(author, "/admin", 200);
        assertThat(menu).contains("href=\"/admin/articles\"", "href=\"/admin/articles/new\"")
                .doesNotContain("href=\"/admin/digests\"", "href=\"/admin/newsletter\"", "href=\"/admin/columns\"",
                        "href=\"/admin/users\"", "href=\"/admin/audit\"");
        String editor = pages.page(author, "/admin/articles/new", 200);
        assertThat(editor).contains("行业动态").doesNotContain(">政策法规<");
        assertThat(pages.page(insiders.get("an administrator"), "/admin", 200)).contains("href=\"/admin/users\"",
                "href=\"/admin/newsletter\"", "href=\"/admin/search-index\"");
        assertThat(pages.page(author, "/admin/users", 403)).contains("您没有管理用户和栏目授权的权限");
    }
}
