package org.shegong.admin;

import org.shegong.editorial.web.EditorAssets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The back office through HTTP: write, save, review, publish, conflicts, refusals, lists and the dashboard. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class BackOfficePagesTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;

    MockHttpSession chief;
    MockHttpSession contributor;
    /** The three reviewers of a round: one person passes at most one level, and nobody their own article. */
    MockHttpSession editor;
    MockHttpSession reviewer;
    MockHttpSession otherChief;
    long news;

    @BeforeEach
    void users() throws Exception {
        news = columns.bySlug("news").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        chief = session("chief" + suffix, Role.CHIEF_EDITOR);
        contributor = session("member" + suffix, Role.CONTRIBUTOR);
        editor = session("editor" + suffix, Role.EDITOR);
        reviewer = session("reviewer" + suffix, Role.REVIEWER);
        otherChief = session("chief2" + suffix, Role.CHIEF_EDITOR);
    }

    private MockHttpSession session(String username, Role role) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, false, List.of(new ColumnGrant(news, role)));
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    private String page(MockHttpSession session, String url, int status) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder form(MockHttpSession session, String url, String title, String body) {
        return post(url).session(session).with(csrf()).param("title", title).param("primaryColumn", String.valueOf(news))
                .param("kind", "NEWS").param("body", body).param("source", "本网").param("tags", "社工，社工站");
    }

    private long create(MockHttpSession session, String title, String body) throws Exception {
        String location = mvc.perform(form(session, "/admin/articles", title, body))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/articles/\\d+\\?done=create");
        return Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
    }

    private void act(MockHttpSession session, long id, String action, String comment) throws Exception {
        mvc.perform(post("/admin/articles/" + id + "/" + action).session(session).with(csrf()).param("comment", comment))
                .andExpect(status().is3xxRedirection());
    }

    /** 初审, 复审, 终审 by three people other than the author. */
    private void passAllLevels(long id) throws Exception {
        act(editor, id, "approve", "初审通过");
        act(reviewer, id, "approve", "");
        act(otherChief, id, "approve", "");
    }

    @Test
    void writeSubmitReviewAndPublishThroughThePagesAndTheArticleIsOnThePublicSiteWithoutScripts() throws Exception {
        String newForm = page(chief, "/admin/articles/new", 200);
        assertThat(newForm).contains("写稿", "name=\"title\"", "name=\"_csrf\"", "行业动态",
                "<script src=\"" + EditorAssets.TINYMCE_BASE + "/tinymce.min.js\" defer></script>");
        mvc.perform(get(EditorAssets.TINYMCE_BASE + "/tinymce.min.js")).andExpect(status().isOk());
        mvc.perform(get(EditorAssets.TINYMCE_BASE + "/plugins/table/plugin.min.js")).andExpect(status().isOk());

        long id = create(chief, "牡丹江市爱民区兴平街道社工站揭牌",
                "<h1>活动</h1><p onclick=\"alert(1)\">社工站<script>alert(1)</script>正式运营。</p>"
                        + "<table><tr><td>时间</td></tr></table><a href=\"javascript:alert(1)\">链接</a>"
                        + "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\" alt=\"图\">");
        String edit = page(chief, "/admin/articles/" + id + "?done=create", 200);
        assertThat(edit).contains("稿件已创建", "草稿", "提交审核", "第 1 版");

        act(chief, id, "submit", "请审阅");
        passAllLevels(id);
        assertThat(page(chief, "/admin/articles/" + id, 200)).contains("待发布", "立即发布", "定时发布");
        String preview = page(chief, "/admin/articles/" + id + "/preview", 200);
        assertThat(preview).contains("<h1>牡丹江市爱民区兴平街道社工站揭牌</h1>", "<h2>活动</h2>", "<table>")
                .doesNotContain("<script>alert", "onclick", "onerror", "javascript:");
        mvc.perform(get("/article/" + id)).andExpect(status().isNotFound());

        act(chief, id, "publish", "");
        String live = mvc.perform(get("/article/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(live).contains("牡丹江市爱民区兴平街道社工站揭牌", "社工站", "正式运营")
                .doesNotContain("<script>alert", "onclick", "onerror", "javascript:");
        assertThat(page(chief, "/admin", 200)).contains("最近发布", "牡丹江市爱民区兴平街道社工站揭牌");
    }

    @Test
    void aStaleSaveIsAConflictThatShowsBothVersionsAndKeepsTheEditorsText() throws Exception {
        long id = create(chief, "冲突测试", "<p>第一版</p>");
        mvc.perform(form(chief, "/admin/articles/" + id, "张三改的标题", "<p>张三</p>").param("base", "1"))
                .andExpect(status().is3xxRedirection());
        String conflict = mvc.perform(form(chief, "/admin/articles/" + id, "李四改的标题", "<p>李四</p>").param("base", "1"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(conflict).contains("您的保存未生效", "他人已保存的第 2 版", "张三改的标题", "value=\"李四改的标题\"",
                "name=\"base\" value=\"2\"");
    }

    @Test
    void refusalsAreChineseMessagesWithTheRightStatus() throws Exception {
        long id = create(contributor, "投稿", "<p>正文</p>");
        String illegal = mvc.perform(post("/admin/articles/" + id + "/approve").session(chief).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(illegal).contains("稿件当前状态为“草稿”，不能审核通过");
        act(contributor, id, "submit", "");
        mvc.perform(post("/admin/articles/" + id + "/approve").session(contributor).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/" + id + "/reject").session(chief).with(csrf()).param("comment", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/articles/" + id + "/submit").session(chief))
                .andExpect(status().isForbidden());
        assertThat(page(chief, "/admin/articles/999999", 404)).contains("没有找到这篇稿件");
        assertThat(page(chief, "/admin/articles/abc", 400)).contains("请求参数有误");
        mvc.perform(form(chief, "/admin/articles", "", "<p>x</p>")).andExpect(status().isBadRequest());
        mvc.perform(form(contributor, "/admin/articles", "别的栏目", "<p>x</p>")
                .param("extraColumns", String.valueOf(columns.bySlug("policy").orElseThrow().id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByStatusAndTitleAndTheDashboardShowsRejectionsToTheirAuthor() throws Exception {
        long id = create(contributor, "待审核的投稿ABC", "<p>正文</p>");
        act(contributor, id, "submit", "");
        String list = page(chief, "/admin/articles?status=IN_REVIEW&q=ABC", 200);
        assertThat(list).contains("待审核的投稿ABC", "待初审");
        assertThat(page(chief, "/admin/articles?status=DRAFT&q=ABC", 200)).doesNotContain("待审核的投稿ABC");
        assertThat(page(chief, "/admin/articles?from=2025-13-01", 400)).contains("日期格式不正确");
        assertThat(page(chief, "/admin/articles?column=nope", 400)).contains("没有这个栏目");
        assertThat(page(chief, "/admin", 200)).contains("等待我审核", "待审核的投稿ABC");

        act(chief, id, "reject", "请补充图片说明");
        assertThat(page(contributor, "/admin", 200)).contains("被退回的稿件", "退回意见：请补充图片说明");
    }

    @Test
    void administratorsManageForbiddenWordsAndTheEditorHighlightsThemAndAsksForAnOverrideReason() throws Exception {
        accounts.create("wordadmin", "管理员", PASSWORD, true, List.of());
        MockHttpSession admin = (MockHttpSession) mvc.perform(post("/admin/login").param("username", "wordadmin")
                .param("password", PASSWORD).with(csrf())).andReturn().getRequest().getSession();
        mvc.perform(get("/admin/sensitive-words").session(chief)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sensitive-words").session(admin).with(csrf()).param("words", "禁用词丙，禁用词丁"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(admin, "/admin/sensitive-words", 200)).contains("禁用词丙", "禁用词丁", "现有敏感词（2 个）");

        long id = create(chief, "正常标题", "<p>这里出现了禁用词丙一次。</p>");
        act(chief, id, "submit", "");
        passAllLevels(id);
        assertThat(page(chief, "/admin/articles/" + id, 200))
                .contains("敏感词（1 处）", "正文：…这里出现了<mark class=\"hit\">禁用词丙</mark>一次。…", "强制发布理由");
        String refused = mvc.perform(post("/admin/articles/" + id + "/publish").session(chief).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("稿件含敏感词：禁用词丙");
        mvc.perform(post("/admin/articles/" + id + "/publish").session(chief).with(csrf())
                .param("override", "专题引用，已请示")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/article/" + id)).andExpect(status().isOk());

        mvc.perform(post("/admin/sensitive-words/delete").session(admin).with(csrf()).param("word", "禁用词丙"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/sensitive-words/delete").session(admin).with(csrf()).param("word", "禁用词丁"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(admin, "/admin/sensitive-words", 200)).contains("现有敏感词（0 个）");
    }

    @Test
    void administratorsFilterTheAuditLogAndExportItAsCsvWithFormulasDefused() throws Exception {
        accounts.create("auditadmin", "审计管理员", PASSWORD, true, List.of());
        MockHttpSession admin = (MockHttpSession) mvc.perform(post("/admin/login").param("username", "auditadmin")
                .param("password", PASSWORD).with(csrf())).andReturn().getRequest().getSession();
        long id = create(chief, "审计测试", "<p>正文</p>");
        act(chief, id, "submit", "=HYPERLINK(\"http://evil\")");

        mvc.perform(get("/admin/audit").session(chief)).andExpect(status().isForbidden());
        String log = page(admin, "/admin/audit?article=" + id, 200);
        assertThat(log).contains("审计日志", "新建", "提交审核", "#" + id).doesNotContain("审计测试的其他");
        assertThat(page(admin, "/admin/audit?action=submit&article=" + id, 200)).doesNotContain("<td>新建</td>");
        assertThat(page(admin, "/admin/audit?from=2025-02-30", 400)).contains("日期格式不正确");
        assertThat(page(admin, "/admin/audit?user=nobody", 400)).contains("没有用户名为 nobody 的账户");

        MvcResult csv = mvc.perform(get("/admin/audit.csv?article=" + id).session(admin)).andExpect(status().isOk())
                .andReturn();
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编号,时间,操作人,操作,稿件,版本,地址,意见\r\n");
        assertThat(text.lines().count()).isEqualTo(3);
        assertThat(text).contains(",\"提交审核\"," + id + ",1,").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
