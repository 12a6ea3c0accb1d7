package org.shegong.editorial.web;

import org.shegong.admin.AdminPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Autosave: a flagged revision for drafts, the state untouched, conflicts and refusals as JSON statuses. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"}) // the same context as BackOfficePagesTest
@AutoConfigureMockMvc
class ArticleAutosavePagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ArticleWorkflow workflow;

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String title, long column) {
        return request.param("title", title).param("primaryColumn", String.valueOf(column)).param("kind", "NEWS")
                .param("body", "<p>正文</p>");
    }

    @Test
    void aDraftIsAutosavedAsAFlaggedRevisionWithoutChangingItsStateAndNothingElseIs() throws Exception {
        AdminPages pages = new AdminPages(mvc);
        long news = columns.bySlug("news").orElseThrow().id();
        long policy = columns.bySlug("policy").orElseThrow().id();
        accounts.create("autoeditor", "编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));
        accounts.create("autoother", "别的栏目", PASSWORD, false, List.of(new ColumnGrant(policy, Role.EDITOR)));
        MockHttpSession editor = pages.login("autoeditor", PASSWORD);
        MockHttpSession other = pages.login("autoother", PASSWORD);
        String location = mvc.perform(form(pages.send(editor, "/admin/articles"), "自动保存测试", news)).andReturn()
                .getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        String url = "/admin/articles/" + id + "/autosave";

        assertThat(pages.page(editor, "/admin/articles/" + id, 200))
                .contains("data-autosave=\"" + url + "\"", "<script src=\"/js/admin-autosave.js\" defer></script>",
                        "id=\"autosave-status\"");
        mvc.perform(get("/js/admin-autosave.js")).andExpect(status().isOk());

        assertThat(pages.posted(form(pages.send(editor, url), "自动保存测试（改）", news).param("base", "1"), 200))
                .isEqualTo("{\"revision\":2}");
        assertThat(workflow.load(id).state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(workflow.load(id).latestRevision()).isEqualTo(2);
        assertThat(workflow.content(id, 2).title()).isEqualTo("自动保存测试（改）");
        assertThat(pages.page(editor, "/admin/articles/" + id, 200)).contains("第 2 版 <span class=\"status\">自动保存</span>")
                .doesNotContain("第 1 版 <span class=\"status\">自动保存</span>");

        assertThat(pages.posted(form(pages.send(editor, url), "过时的基础", news).param("base", "1"), 409))
                .contains("\"error\":\"稿件已被他人修改");
        mvc.perform(form(post(url).session(editor), "无令牌", news).param("base", "2")).andExpect(status().isForbidden());
        // Someone who may not see the article is told it does not exist (ADR 0028).
        assertThat(pages.posted(form(pages.send(other, url), "越权", news).param("base", "2"), 404)).contains("没有找到这篇稿件");
        pages.posted(form(pages.send(editor, url), "", news).param("base", "2"), 400);
        assertThat(workflow.load(id).latestRevision()).isEqualTo(2);

        mvc.perform(pages.send(editor, "/admin/articles/" + id + "/submit")).andExpect(status().is3xxRedirection());
        assertThat(pages.posted(form(pages.send(editor, url), "审核中", news).param("base", "2"), 409))
                .contains("不自动保存");
        assertThat(workflow.load(id).state()).isEqualTo(WorkflowState.IN_REVIEW);
        assertThat(pages.page(editor, "/admin/articles/" + id, 200)).doesNotContain("data-autosave", "admin-autosave.js");
    }
}
