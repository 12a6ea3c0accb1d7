package org.shegong.editorial.web;

import org.shegong.admin.AdminPages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The revision diff page: fields compared character by character, everything escaped, bad numbers refused. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"}) // the same context as BackOfficePagesTest
@AutoConfigureMockMvc
class RevisionDiffPagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;

    private MockHttpServletRequestBuilder form(AdminPages pages, MockHttpSession session, String url, String title,
                                               String body, long column) {
        return pages.send(session, url).param("title", title).param("primaryColumn", String.valueOf(column))
                .param("kind", "NEWS").param("body", body).param("summary", "摘要不变");
    }

    @Test
    void showsWhatChangedBetweenTwoRevisionsCharacterByCharacter() throws Exception {
        AdminPages pages = new AdminPages(mvc);
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("diffeditor", "编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));
        MockHttpSession editor = pages.login("diffeditor", PASSWORD);
        String location = pages.mvc().perform(form(pages, editor, "/admin/articles", "社会工作<script>站</script>揭牌",
                "<p>第一段不变。</p><p>2024年第3期，点赞👍</p>", news)).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        pages.posted(form(pages, editor, "/admin/articles/" + id, "社区工作<script>站</script>揭牌",
                "<p>第一段不变。</p><p>2025年第12期，点赞👎</p><p>新增一段。</p>", news).param("base", "1"), 302);

        assertThat(pages.page(editor, "/admin/articles/" + id, 200))
                .contains("/admin/articles/" + id + "/revisions/1/diff/2\">对比上一版");
        String diff = pages.page(editor, "/admin/articles/" + id + "/revisions/1/diff/2", 200);
        assertThat(diff).contains("版本对比：第 1 版 → 第 2 版",
                "社<del>会</del><ins>区</ins>工作&lt;script&gt;站&lt;/script&gt;揭牌",
                "第一段不变。\n202<del>4</del><ins>5</ins>年第<del>3</del><ins>12</ins>期，点赞<del>👍</del><ins>👎</ins>\n"
                        + "<ins>新增一段。\n</ins>",
                "<summary>未改动的字段</summary>", "<li>摘要</li>")
                .doesNotContain("<script>站");
        assertThat(pages.page(editor, "/admin/articles/" + id + "/revisions/2/diff/2", 200)).contains("两个版本的文字没有差别");
        assertThat(pages.page(editor, "/admin/articles/" + id + "/revisions/1/diff/9", 404)).contains("没有第 9 版");
        pages.page(editor, "/admin/articles/" + id + "/revisions/-1/diff/2", 404);
        pages.page(editor, "/admin/articles/" + id + "/revisions/0/diff/1", 404);
        pages.page(editor, "/admin/articles/999999/revisions/1/diff/2", 404);
        assertThat(pages.page(editor, "/admin/articles/" + id + "/revisions/x/diff/2", 400)).contains("请求参数有误");
    }
}
