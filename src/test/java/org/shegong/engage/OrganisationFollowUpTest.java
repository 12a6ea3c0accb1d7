package org.shegong.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.Role;
import org.shegong.system.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * What an organisation does after its first submission: resets a forgotten password through a link mailed to its
 * verified email (without telling strangers which emails are registered, once per link, not too often), and
 * corrects and resubmits a submission an editor sent back, seeing the editor's comment.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:organisation-follow-up;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.site.base-url=https://www.example.org.cn",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false",
        "shegong.security.bcrypt-cost=4"})
@AutoConfigureMockMvc
class OrganisationFollowUpTest extends OrganisationPagesTest {

    @Autowired AuditLog audit;
    OrgFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anOrganisationResetsItsPasswordByTheLinkMailedToItsVerifiedEmail() throws Exception {
        MockHttpSession before = fixture.registerAndLogin("忘记密码的社工站", "forgot@example.org");
        assertThat(fixture.page(null, "/org/login", 200)).contains("href=\"/org/reset\"");
        assertThat(fixture.page(null, "/org/reset", 200)).contains("找回密码");

        smtp.purgeEmailFromAllMailboxes();
        String known = requestReset("forgot@example.org", 200);
        String unknown = requestReset("nobody@example.org", 200);
        assertThat(known).contains("重设密码的链接已发送");
        assertThat(statusMessage(unknown).replace("nobody@example.org", "X"))
                .isEqualTo(statusMessage(known).replace("forgot@example.org", "X"));
        String link = fixture.mailedLink("forgot@example.org");
        assertThat(link).startsWith("/org/reset/");
        // Asked again at once: no second mail (the first link still works).
        requestReset("forgot@example.org", 200);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        assertThat(fixture.page(null, link, 200)).contains("设置新密码");
        mvc.perform(post(link).param("password", "another-pass-2026")).andExpect(status().isForbidden());
        assertThat(body(mvc.perform(post(link).with(csrf()).param("password", "short")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsByteArray())).contains("密码至少需要");
        mvc.perform(post(link).with(csrf()).param("password", "another-pass-2026")).andExpect(status().isOk());
        mvc.perform(post("/org/login").with(csrf()).param("email", "forgot@example.org")
                .param("password", OrgFixture.PASSWORD)).andExpect(status().isUnauthorized());
        fixture.login("forgot@example.org", "another-pass-2026");
        // The session that logged in with the old password ends (someone may have used it): back to the login.
        mvc.perform(get("/org/submissions").session(before)).andExpect(redirectedUrl("/org/login?ended=1"));
        assertThat(before.isInvalid()).isTrue();
        assertThat(fixture.page(null, "/org/login?ended=1", 200)).contains("投稿账户的密码已重设或账户已停用，请重新登录。");
        // The link works once; forged and malformed links are 404 too.
        mvc.perform(get(link)).andExpect(status().isNotFound());
        mvc.perform(post(link).with(csrf()).param("password", "third-pass-2026x")).andExpect(status().isNotFound());
        mvc.perform(get("/org/reset/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/org/reset/short")).andExpect(status().isNotFound());
        requestReset("", 400);
    }

    @Test
    void anUnverifiedAccountGetsNoResetMail() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        mvc.perform(post("/org/register").with(csrf()).with(r -> {
            r.setRemoteAddr("10.5.0.9");
            return r;
        }).param("name", "未验证的单位").param("contactPerson", "王社工").param("email", "noverify@example.org")
                .param("phone", "13800138000").param("password", OrgFixture.PASSWORD)).andExpect(status().isOk());
        smtp.purgeEmailFromAllMailboxes();
        requestReset("noverify@example.org", 200);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anOrganisationCorrectsAReturnedSubmissionSeeingTheCommentAndResubmitsIt() throws Exception {
        MockHttpSession org = fixture.registerAndLogin("退回修改的社工站", "returned@example.org");
        mvc.perform(multipart("/org/submissions").file(new MockMultipartFile("files", "活动方案.pdf", "application/pdf",
                        SubmissionAttachmentsTest.pdf(1_000))).session(org).with(csrf()).param("column", "news")
                .param("title", "社区活动初稿").param("body", "第一段。\n\n第二段缺少时间地点。").param("website", ""))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT MAX(id) FROM article WHERE title = '社区活动初稿'").query(Long.class).single();
        mvc.perform(get("/org/submissions/" + id + "/edit").session(org)).andExpect(status().isConflict());

        MockHttpSession chief = fixture.staff(Role.CHIEF_EDITOR);
        fixture.act(chief, id, "reject", "请补充活动的时间和地点");
        String list = fixture.page(org, "/org/submissions", 200);
        assertThat(list).contains("已退回").contains("请补充活动的时间和地点")
                .contains("href=\"/org/submissions/" + id + "/edit\"");
        String edit = fixture.page(org, "/org/submissions/" + id + "/edit", 200);
        assertThat(edit).contains("编辑的退回意见").contains("请补充活动的时间和地点").contains("社区活动初稿")
                .contains("第一段。\n\n第二段缺少时间地点。").contains("活动方案.pdf");

        MockHttpSession other = fixture.registerAndLogin("别的单位", "other@example.org");
        mvc.perform(get("/org/submissions/" + id + "/edit").session(other)).andExpect(status().isNotFound());
        mvc.perform(post("/org/submissions/" + id).session(other).with(csrf()).param("title", "篡改")
                .param("body", "篡改")).andExpect(status().isNotFound());
        mvc.perform(post("/org/submissions/" + id).session(org).param("title", "无令牌").param("body", "正文"))
                .andExpect(status().isForbidden());
        assertThat(body(mvc.perform(post("/org/submissions/" + id).session(org).with(csrf()).param("title", "")
                .param("body", "正文")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsByteArray())).contains("请填写标题").contains("请补充活动的时间和地点");

        mvc.perform(post("/org/submissions/" + id).session(org).with(csrf()).param("title", "社区活动（修改稿）")
                .param("body", "第一段。\n\n9 月 9 日上午在兴平街道社区服务中心举行。"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixture.page(org, "/org/submissions", 200)).contains("社区活动（修改稿）").contains("已提交")
                .doesNotContain("/org/submissions/" + id + "/edit");
        String body = jdbc.sql("SELECT body_html FROM article_revision WHERE article_id = ? ORDER BY number DESC LIMIT 1")
                .param(id).query(String.class).single();
        assertThat(body).contains("<p>9 月 9 日上午在兴平街道社区服务中心举行。</p>").contains("活动方案.pdf</a>")
                .doesNotContain("缺少时间地点");
        assertThat(audit.forArticle(id)).anyMatch(e -> e.action().equals("save") && e.actorName().contains("退回修改的社工站"))
                .anyMatch(e -> e.action().equals("submit") && e.comment().contains("重新投稿"));
        assertThat(fixture.page(chief, "/admin", 200)).contains("社区活动（修改稿）");
        fixture.act(fixture.staff(Role.EDITOR), id, "approve", "同意");
        fixture.act(fixture.staff(Role.REVIEWER), id, "approve", "同意");
        fixture.act(chief, id, "approve-and-publish", "同意");
        assertThat(fixture.page(null, "/article/" + id, 200)).contains("社区活动（修改稿）").contains("社区服务中心");
    }

    private String requestReset(String email, int expected) throws Exception {
        return body(mvc.perform(post("/org/reset").with(csrf()).param("email", email)).andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsByteArray());
    }

    /** The page's status message: the part that must not tell a registered email from an unknown one. */
    private static String statusMessage(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p role=\"status\"[^>]*>(.*?)</p>").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String body(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
