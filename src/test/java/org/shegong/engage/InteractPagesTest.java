package org.shegong.engage;

import org.shegong.system.audit.AuditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.editorial.sensitive.SensitiveWords;
import org.shegong.system.audit.AuditLog;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 互动交流 through HTTP: a reader asks, nothing is public until a moderator answers, then the answer shows on the
 * article and in the 咨询 list. And the abuse cases: floods per address and per contact, the honeypot, scripts and
 * links, sensitive words, and moderators outside the question's column.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:interact;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false",
        "shegong.interact.per-address-per-hour=3", "shegong.interact.per-contact-per-day=2"})
@AutoConfigureMockMvc
class InteractPagesTest {

    private static final String PASSWORD = "pass-word-12345";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired TransactionTemplate transactions;
    @Autowired SensitiveWords sensitive;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    long news;
    long policy;
    long article;

    @BeforeEach
    void setUp() {
        news = columns.bySlug("news").orElseThrow().id();
        policy = columns.bySlug("policy").orElseThrow().id();
        String title = "牡丹江市兴平街道社工站正式运营" + System.nanoTime();
        article = transactions.execute(s -> articles.save(new ArticleInput(null, title, null, null,
                "<p>社会工作服务站正式运营。</p>", "民政部", null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                Instant.parse("2026-11-30T02:00:00Z"), ArticleStatus.LIVE))).id();
    }

    @Test
    void aQuestionIsPublicOnlyOnceAModeratorAnswersItThenOnTheArticleAndInTheList() throws Exception {
        String address = nextAddress();
        String sent = ask("/interact/ask?article=" + article, address, "社工站开放时间", "请问周末开放吗？", "reader1@example.com", 200);
        assertThat(sent).contains("留言已收到");
        long id = latestId("社工站开放时间");

        assertThat(page(null, "/article/" + article, 200)).doesNotContain("社工站开放时间");
        assertThat(page(null, "/interact", 200)).doesNotContain("社工站开放时间");

        MockHttpSession editor = staff(Role.EDITOR, news);
        assertThat(page(editor, "/admin/interact", 200)).contains("社工站开放时间").contains("文章《");
        String item = page(editor, "/admin/interact/" + id, 200);
        assertThat(item).contains("reader1@example.com").contains("请问周末开放吗？");

        mvc.perform(post("/admin/interact/" + id + "/publish").session(editor).with(csrf())
                .param("answer", "周末上午九点至十二点开放。")).andExpect(status().is3xxRedirection());

        String articlePage = page(null, "/article/" + article, 200);
        assertThat(articlePage).contains("社工站开放时间").contains("周末上午九点至十二点开放。")
                .doesNotContain("reader1@example.com");
        String list = page(null, "/interact", 200);
        assertThat(list).contains("社工站开放时间").contains("周末上午九点至十二点开放。").doesNotContain("reader1@example.com");
        assertThat(page(null, "/interact?column=news", 200)).contains("社工站开放时间");
        assertThat(page(null, "/interact?column=policy", 200)).doesNotContain("社工站开放时间");
        assertThat(audit.latest(null, AuditCode.INTERACT_PUBLISH, 5)).anyMatch(e -> e.comment().contains("#" + id));
    }

    @Test
    void anEmptyOrInvalidFormIsRefusedWithReasonsAndNothingIsStored() throws Exception {
        String address = nextAddress();
        String answer = ask("/interact/ask", address, "", "", "not a contact", 400);
        assertThat(answer).contains("请填写标题").contains("请填写留言内容").contains("请填写有效的电子邮箱或手机号码");
        assertThat(countFrom(address)).isZero();
        page(null, "/interact/ask?article=999999999", 404);
        page(null, "/interact/ask?article=abc", 400);
        page(null, "/interact/ask?column=no-such-column", 404);
        page(null, "/interact?page=0", 400);
    }

    @Test
    void floodsFromOneAddressAndWithOneContactAreLimited() throws Exception {
        String address = nextAddress();
        for (int i = 0; i < 3; i++) {
            ask("/interact/ask", address, "同一地址第" + i + "条", "内容", "flood" + i + "@example.com", 200);
        }
        assertThat(ask("/interact/ask", address, "同一地址第4条", "内容", "flood9@example.com", 429))
                .contains("提交过于频繁");
        assertThat(countFrom(address)).isEqualTo(3);

        // The contact limit holds whatever address is used and however the contact is spelt.
        ask("/interact/ask", nextAddress(), "同一邮箱1", "内容", "Same.Person@Example.com", 200);
        ask("/interact/ask", nextAddress(), "同一邮箱2", "内容", "same.person@example.com", 200);
        ask("/interact/ask", nextAddress(), "同一邮箱3", "内容", " SAME.PERSON@example.com ", 429);
        ask("/interact/ask", nextAddress(), "同一手机1", "内容", "138 0013 8000", 200);
        ask("/interact/ask", nextAddress(), "同一手机2", "内容", "+8613800138000", 200);
        ask("/interact/ask", nextAddress(), "同一手机3", "内容", "13800138000", 429);
    }

    @Test
    void theHoneypotCatchesABotWhichIsToldNothing() throws Exception {
        String address = nextAddress();
        String answer = mvc.perform(post("/interact/ask").with(csrf()).with(from(address)).param("title", "便宜推广")
                        .param("body", "点击购买").param("contact", "bot@example.com").param("website", "http://spam.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("留言已收到");
        assertThat(countFrom(address)).isZero();
    }

    @Test
    void scriptsAndLinksAreShownAsTextAndFlaggedAndSensitiveWordsAreHeldWithTheHits() throws Exception {
        sensitive.add("违禁测试词", null);
        String address = nextAddress();
        ask("/interact/ask?column=news", address, "<script>alert(1)</script>标题",
                "看这里 <a href=\"http://evil.example/x\">链接</a> 和 www.spam.cn 还有违禁测试词", "xss@example.com", 200);
        long id = latestId("<script>alert(1)</script>标题");
        MockHttpSession editor = staff(Role.EDITOR, news);
        String queue = page(editor, "/admin/interact", 200);
        assertThat(queue).contains("敏感词：内容“违禁测试词”").contains("含链接或网址").doesNotContain("<script>alert(1)");
        mvc.perform(post("/admin/interact/" + id + "/publish").session(editor).with(csrf()).param("answer",
                "<b>答复</b> http://answer.example")).andExpect(status().is3xxRedirection());
        String list = page(null, "/interact?column=news", 200);
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;标题")
                .doesNotContain("<script>alert(1)").doesNotContain("<a href=\"http://evil.example").contains("&lt;a href=")
                .doesNotContain("href=\"http://answer.example").doesNotContain("<a href=\"http://evil").contains("&lt;b&gt;答复&lt;/b&gt;");
    }

    @Test
    void onlyTheColumnsEditorsAndAboveModerateAndSiteWideQuestionsNeedAChiefEditor() throws Exception {
        ask("/interact/ask?column=news", nextAddress(), "栏目留言权限", "内容", "perm1@example.com", 200);
        ask("/interact/ask", nextAddress(), "全站咨询权限", "内容", "perm2@example.com", 200);
        long columnQuestion = latestId("栏目留言权限");
        long siteQuestion = latestId("全站咨询权限");

        MockHttpSession otherEditor = staff(Role.EDITOR, policy);
        page(otherEditor, "/admin/interact/" + columnQuestion, 404);
        mvc.perform(post("/admin/interact/" + columnQuestion + "/publish").session(otherEditor).with(csrf())
                .param("answer", "越权")).andExpect(status().isNotFound());
        MockHttpSession contributor = staff(Role.CONTRIBUTOR, news);
        // Contributors hold no moderating role anywhere: the route itself is refused (ADR 0028).
        page(contributor, "/admin/interact/" + columnQuestion, 403);
        MockHttpSession newsEditor = staff(Role.EDITOR, news);
        page(newsEditor, "/admin/interact/" + columnQuestion, 200);
        page(newsEditor, "/admin/interact/" + siteQuestion, 404);
        assertThat(page(newsEditor, "/admin/interact", 200)).doesNotContain("全站咨询权限");
        MockHttpSession chief = staff(Role.CHIEF_EDITOR, policy);
        page(chief, "/admin/interact/" + siteQuestion, 200);

        // An empty answer is refused with the reason; declining keeps the question off the site.
        assertThat(mvc.perform(post("/admin/interact/" + siteQuestion + "/publish").session(chief).with(csrf())
                .param("answer", "  ")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("请填写答复内容");
        mvc.perform(post("/admin/interact/" + siteQuestion + "/reject").session(chief).with(csrf())
                .param("note", "与本站无关")).andExpect(status().is3xxRedirection());
        assertThat(page(null, "/interact", 200)).doesNotContain("全站咨询权限");
        assertThat(page(chief, "/admin/interact?state=REJECTED", 200)).contains("全站咨询权限");
        mvc.perform(get("/admin/interact")).andExpect(status().is3xxRedirection());
    }

    @Test
    void questionsWaitingLongerThanTheConfiguredDaysAreMarked() throws Exception {
        ask("/interact/ask?column=news", nextAddress(), "等待很久的留言", "内容", "old@example.com", 200);
        long id = latestId("等待很久的留言");
        jdbc.sql("UPDATE engage_question SET created_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.of(2020, 1, 1, 0, 0), id).update();
        String queue = page(staff(Role.EDITOR, news), "/admin/interact", 200);
        int row = queue.indexOf("等待很久的留言");
        assertThat(queue.lastIndexOf("<tr class=\"overdue\"", row)).isGreaterThan(queue.lastIndexOf("</tr>", row));
        assertThat(queue.substring(row)).contains("超期未答复");
    }

    private String ask(String url, String address, String title, String body, String contact, int expected)
            throws Exception {
        return mvc.perform(post(url).with(csrf()).with(from(address)).param("title", title).param("body", body)
                        .param("contact", contact).param("name", "").param("website", ""))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String nextAddress() {
        int n = ADDRESS.getAndIncrement();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    private long latestId(String title) {
        return jdbc.sql("SELECT MAX(id) FROM engage_question WHERE title = ?").param(title).query(Long.class).single();
    }

    private int countFrom(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_question WHERE client_address = ?").param(address)
                .query(Integer.class).single();
    }

    private MockHttpSession staff(Role role, long column) throws Exception {
        String username = "mod" + System.nanoTime() % 100_000_000;
        accounts.create(username, "审核员" + username, PASSWORD, false, List.of(new ColumnGrant(column, role)));
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    private String page(MockHttpSession session, String url, int expected) throws Exception {
        MockHttpServletRequestBuilder request = get(url);
        if (session != null) {
            request = request.session(session);
        }
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
