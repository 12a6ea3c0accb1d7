package org.shegong.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shegong.account.Role;
import org.shegong.editorial.sensitive.SensitiveWords;
import org.shegong.system.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 投稿 through HTTP against a real SMTP server: an organisation registers, verifies its email by the mailed link,
 * logs in on the public side, submits news that lands in the column's review queue, and follows its state to
 * 已发布 or 已退回. And the abuse cases: no back-office access, floods, the honeypot, scripts, sensitive words.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:submissions;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.site.base-url=https://www.example.org.cn",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false",
        "shegong.security.bcrypt-cost=4"})
@AutoConfigureMockMvc
class SubmissionPagesTest extends OrganisationPagesTest {

    static final String PASSWORD = OrgFixture.PASSWORD;

    @Autowired SensitiveWords sensitive;
    @Autowired AuditLog audit;

    @Test
    void anOrganisationRegistersVerifiesSubmitsAndSeesItsNewsPublishedOrSentBack() throws Exception {
        MockHttpSession org = registerAndLogin("兴平街道社会工作服务站", "xingping@example.org");
        String form = page(org, "/org/submissions", 200);
        assertThat(form).contains("兴平街道社会工作服务站").contains("还没有投稿");

        submit(org, "news", "兴平街道社工站开展敬老活动", "九月九日，兴平街道社工站开展敬老活动。\n\n共有 60 位老人参加。")
                .andExpect(status().is3xxRedirection());
        submit(org, "news", "第二篇投稿", "另一篇的正文。").andExpect(status().is3xxRedirection());
        long published = articleId("兴平街道社工站开展敬老活动");
        long rejected = articleId("第二篇投稿");
        assertThat(page(org, "/org/submissions", 200)).contains("兴平街道社工站开展敬老活动").contains("已提交");

        MockHttpSession chief = staff(Role.CHIEF_EDITOR);
        String dashboard = page(chief, "/admin", 200);
        assertThat(dashboard).contains("兴平街道社工站开展敬老活动");
        String edit = page(chief, "/admin/articles/" + published, 200);
        assertThat(edit).contains("兴平街道社会工作服务站（会员单位投稿）");
        // Three levels, three people: nobody passes two levels of one round.
        act(staff(Role.EDITOR), published, "approve", "同意");
        act(staff(Role.REVIEWER), published, "approve", "同意");
        act(chief, published, "approve-and-publish", "同意");
        act(chief, rejected, "reject", "请补充活动照片和时间地点");

        String mine = page(org, "/org/submissions", 200);
        assertThat(mine).contains("已发布").contains("href=\"/article/" + published + "\"")
                .contains("已退回").contains("请补充活动照片和时间地点");
        String article = page(null, "/article/" + published, 200);
        assertThat(article).contains("兴平街道社工站开展敬老活动").contains("<p>共有 60 位老人参加。</p>")
                .contains("兴平街道社会工作服务站");
    }

    @Test
    void anOrganisationHasNoBackOfficeAccessAndStrangersMustLogIn() throws Exception {
        MockHttpSession org = registerAndLogin("无权后台单位", "noadmin@example.org");
        mvc.perform(get("/admin").session(org)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/articles").session(org)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/interact").session(org)).andExpect(status().isForbidden());
        MvcResult anonymous = mvc.perform(get("/org/submissions")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/org/login");
        mvc.perform(post("/org/submissions").with(csrf()).param("column", "news").param("title", "匿名")
                .param("body", "x")).andExpect(status().is3xxRedirection());
        // A staff login does not open the organisation's pages either.
        mvc.perform(get("/org/submissions").session(staff(Role.CHIEF_EDITOR))).andExpect(status().isForbidden());
    }

    @Test
    void unverifiedAccountsCannotLogInAndBadOrDuplicateRegistrationsAreRefused() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        register("未验证单位", "unverified@example.org", "10.9.0.1").andExpect(status().isOk());
        assertThat(login("unverified@example.org", PASSWORD).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("邮箱尚未验证");
        register("重复单位", "UNVERIFIED@example.org", "10.9.0.2").andExpect(status().isBadRequest());
        String bad = mvc.perform(post("/org/register").with(csrf()).param("name", "").param("email", "nope")
                        .param("phone", "12").param("password", "short"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("请填写单位名称").contains("请填写有效的电子邮箱").contains("请填写有效的联系电话")
                .contains("密码至少需要");
        mvc.perform(post("/org/verify/" + "A".repeat(43)).with(csrf())).andExpect(status().isNotFound());
        assertThat(login("unverified@example.org", "wrong-password-1").getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void scriptsAreEscapedTheHoneypotDropsBotPostsFloodsAreLimitedAndSensitiveWordsAreNamed() throws Exception {
        sensitive.add("投稿违禁词", null);
        MockHttpSession org = registerAndLogin("防滥用测试单位", "abuse@example.org");
        submit(org, "news", "<script>alert(1)</script>脚本标题", "<img src=x onerror=alert(1)> http://evil.example 投稿违禁词")
                .andExpect(status().is3xxRedirection());
        long id = articleId("<script>alert(1)</script>脚本标题");
        String body = jdbc.sql("SELECT body_html FROM article_revision WHERE article_id = ?").param(id)
                .query(String.class).single();
        assertThat(body).doesNotContain("<img").doesNotContain("<a ").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(audit.forArticle(id)).anyMatch(e -> e.action().equals("submit")
                && e.comment().contains("投稿违禁词") && e.actorName().contains("防滥用测试单位"));
        String list = page(org, "/org/submissions", 200);
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;脚本标题").doesNotContain("<script>alert(1)");

        int before = count(org);
        mvc.perform(post("/org/submissions").session(org).with(csrf()).param("column", "news").param("title", "机器人")
                .param("body", "广告").param("website", "http://spam.example")).andExpect(status().is3xxRedirection());
        assertThat(count(org)).isEqualTo(before);

        for (int i = count(org); i < SubmissionService.PER_ORGANISATION_PER_DAY; i++) {
            submit(org, "news", "批量投稿" + i, "正文").andExpect(status().is3xxRedirection());
        }
        assertThat(submit(org, "news", "超出限额", "正文").andExpect(status().isTooManyRequests()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("投稿过于频繁");
        submit(org, "weekly", "投到一周动态", "正文").andExpect(status().isBadRequest());
    }

    private org.springframework.test.web.servlet.ResultActions register(String name, String email, String address)
            throws Exception {
        return mvc.perform(post("/org/register").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("name", name).param("contactPerson", "李社工").param("email", email).param("phone", "13800138000")
                .param("password", PASSWORD).param("website", ""));
    }

    private MvcResult login(String email, String password) throws Exception {
        return mvc.perform(post("/org/login").with(csrf()).param("email", email).param("password", password)).andReturn();
    }

    private org.springframework.test.web.servlet.ResultActions submit(MockHttpSession org, String column, String title,
                                                                      String body) throws Exception {
        return mvc.perform(post("/org/submissions").session(org).with(csrf()).param("column", column)
                .param("title", title).param("body", body).param("website", ""));
    }

    private int count(MockHttpSession org) throws Exception {
        String html = page(org, "/org/submissions", 200);
        return html.split("<span class=\"stage\">", -1).length - 1;
    }

    private long articleId(String title) {
        return jdbc.sql("SELECT MAX(id) FROM article WHERE title = ?").param(title).query(Long.class).single();
    }

    private MockHttpSession registerAndLogin(String name, String email) throws Exception {
        return fixture().registerAndLogin(name, email);
    }

    private MockHttpSession staff(Role role) throws Exception {
        return fixture().staff(role);
    }

    private void act(MockHttpSession session, long id, String action, String comment) throws Exception {
        fixture().act(session, id, action, comment);
    }

    private String page(MockHttpSession session, String url, int expected) throws Exception {
        return fixture().page(session, url, expected);
    }

    /** Every text part of the mail, decoded. */
    static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return content instanceof String string ? string : "";
    }
}
