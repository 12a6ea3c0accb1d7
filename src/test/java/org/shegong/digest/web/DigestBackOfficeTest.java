package org.shegong.digest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ReviewLevels;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestEntry;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.shegong.digest.newsletter.NewsletterService;
import org.shegong.system.Times;
import org.shegong.system.audit.AuditEntry;
import org.shegong.system.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The digest screens of the back office through HTTP, from generating a week to the public page and the mailing. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:digestoffice;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.site.base-url=https://www.example.org.cn",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.newsletter.send-interval=1h",
        "shegong.digest.enabled=false"})
@AutoConfigureMockMvc
class DigestBackOfficeTest {

    static final String PASSWORD = "pass-word-12345";

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired AuditLog audit;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired DigestService digests;
    @Autowired ReviewLevels reviewLevels;
    @Autowired JdbcClient jdbc;
    @Autowired NewsletterService newsletter;

    MockHttpSession chief;
    String suffix;

    @BeforeEach
    void users() throws Exception {
        suffix = String.valueOf(System.nanoTime() % 100_000_000);
        List<ColumnGrant> grants = new ArrayList<>();
        for (String slug : List.of("weekly", "news", "policy", "federation")) {
            grants.add(new ColumnGrant(column(slug), Role.CHIEF_EDITOR));
        }
        chief = session("chief" + suffix, grants);
    }

    private long column(String slug) {
        return columns.bySlug(slug).orElseThrow().id();
    }

    private MockHttpSession session(String username, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, false, grants);
        MvcResult login = mvc.perform(post("/admin/login").param("username", username).param("password", PASSWORD)
                .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return (MockHttpSession) login.getRequest().getSession();
    }

    private long article(String slug, String title, String day, ArticleStatus status) {
        Instant at = LocalDateTime.parse(day + "T10:00").atZone(Times.CHINA).toInstant();
        return articles.save(new ArticleInput("t:" + suffix + ":" + title, title, null, title + "的摘要",
                "<p>" + title + "</p>", "本网", null, null, Kind.NEWS, false, List.of(column(slug)), List.of(), null,
                status == ArticleStatus.LIVE ? at : null, status)).id();
    }

    private String page(MockHttpSession session, String url, int status) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcResult send(MockHttpSession session, String url, String... params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).session(session)
                .with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private String redirect(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long generate(String from, String to) throws Exception {
        String location = redirect(send(chief, "/admin/digests", "from", from, "to", to));
        assertThat(location).matches("/admin/digests/\\d+\\?done=created");
        return Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
    }

    private void entryOp(long digest, String op, long articleId) throws Exception {
        List<DigestEntry> entries = digests.entries(digest);
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).articleId() == articleId) {
                index = i;
            }
        }
        redirect(send(chief, "/admin/digests/" + digest + "/entries", "op", op, "index", String.valueOf(index),
                "article", String.valueOf(articleId)));
    }

    @Test
    void generateEditSubmitApprovePublishAndThePublicPageShowsTheEditedDigestInTheEditedOrder() throws Exception {
        long policy = article("policy", "政策条目甲" + suffix, "2025-03-04", ArticleStatus.LIVE);
        long first = article("news", "行业条目一" + suffix, "2025-03-05", ArticleStatus.LIVE);
        long second = article("news", "行业条目二" + suffix, "2025-03-06", ArticleStatus.LIVE);
        long third = article("news", "行业条目三" + suffix, "2025-03-07", ArticleStatus.LIVE);
        long older = article("news", "较早的报道" + suffix, "2025-02-01", ArticleStatus.LIVE);
        long draft = article("news", "未发布的稿件" + suffix, "2025-03-05", ArticleStatus.DRAFT);

        long id = generate("2025-03-03", "2025-03-09");
        assertThat(page(chief, "/admin/digests", 200)).contains("社会工作一周动态 (3.3-3.9)", "草稿");
        String edit = page(chief, "/admin/digests/" + id + "?done=created", 200);
        assertThat(edit).contains("已生成这期一周动态的草稿", "政策条目甲" + suffix, "行业条目三" + suffix, "name=\"_csrf\"",
                "上移", "下移", "移除");
        assertThat(edit.indexOf("行业条目三" + suffix)).isLessThan(edit.indexOf("行业条目一" + suffix));

        entryOp(id, "up", first);
        entryOp(id, "up", first);
        entryOp(id, "drop", second);
        redirect(send(chief, "/admin/digests/" + id + "/add", "section", "news",
                "article", "https://www.example.org.cn/article/" + older));
        assertThat(body(send(chief, "/admin/digests/" + id + "/add", "section", "news", "article",
                String.valueOf(draft)))).contains("文章 " + draft + " 不存在或未发布");
        assertThat(send(chief, "/admin/digests/" + id + "/add", "section", "news", "article", "abc")
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(body(send(chief, "/admin/digests/" + id + "/add", "section", "news", "article",
                String.valueOf(first)))).contains("这篇文章已在本期中");
        MvcResult stale = send(chief, "/admin/digests/" + id + "/entries", "op", "down", "index", "0",
                "article", String.valueOf(second));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(stale)).contains("请刷新页面后再试");
        redirect(send(chief, "/admin/digests/" + id + "/introduction", "introduction", "编辑改写的导语" + suffix));
        assertThat(body(send(chief, "/admin/digests/" + id + "/introduction", "introduction", " ")))
                .contains("导语不能为空");

        long articleId = digests.findDigest(id).orElseThrow().articleId();
        jdbc.sql("""
                INSERT INTO newsletter_subscriber (email, status, confirm_sends, unsubscribe_token, created_at,
                  confirmed_at) VALUES (?, 'CONFIRMED', 1, ?, ?, ?)""").params("reader" + suffix + "@example.org",
                "c" + suffix, Times.toDb(Instant.now()), Times.toDb(Instant.now())).update();
        assertThat(redirect(send(chief, "/admin/digests/" + id + "/submit", "comment", "请审阅")))
                .isEqualTo("/admin/articles/" + articleId + "?done=submit");
        MvcResult inReview = send(chief, "/admin/digests/" + id + "/introduction", "introduction", "审核中再改");
        assertThat(inReview.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(inReview)).contains("不能保存");
        // Each level by a different chief editor of the column, none of them the one who submitted (ADR 0028).
        for (int level = 0; level < reviewLevels.of(column("weekly")); level++) {
            List<ColumnGrant> grants = new ArrayList<>();
            for (String slug : List.of("weekly", "news", "policy", "federation")) {
                grants.add(new ColumnGrant(column(slug), Role.CHIEF_EDITOR));
            }
            MockHttpSession reviewer = session("rev" + level + suffix, grants);
            redirect(send(reviewer, "/admin/articles/" + articleId + "/approve", "comment", ""));
        }
        mvc.perform(get("/article/" + articleId)).andExpect(status().isNotFound());
        redirect(send(chief, "/admin/articles/" + articleId + "/publish", "comment", ""));

        String page = mvc.perform(get("/article/" + articleId)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // The body only: the page's related list names the column's other articles, the dropped one too.
        String live = page.substring(page.indexOf("<div class=\"article-body\">"), page.indexOf("</article>"));
        assertThat(page).contains("<title>社会工作一周动态 (3.3-3.9)");
        assertThat(live).contains("编辑改写的导语" + suffix, "政策条目甲" + suffix)
                .doesNotContain("行业条目二" + suffix);
        int one = live.indexOf("行业条目一" + suffix);
        int three = live.indexOf("行业条目三" + suffix);
        int added = live.indexOf("较早的报道" + suffix);
        assertThat(one).isPositive().isLessThan(three);
        assertThat(three).isLessThan(added);
        assertThat(live.indexOf("政策条目甲" + suffix)).isLessThan(one);

        Digest published = digests.findDigest(id).orElseThrow();
        assertThat(published.isDraft()).isFalse();
        // Every change to the draft is on the article's history, with the person who made it (ADR 0010).
        assertThat(audit.forArticle(articleId)).extracting(AuditEntry::action, AuditEntry::actorName)
                .contains(tuple("digest-generate", "用户chief" + suffix + "（chief" + suffix + "）"),
                        tuple("digest-edit", "用户chief" + suffix + "（chief" + suffix + "）"),
                        tuple("submit", "用户chief" + suffix + "（chief" + suffix + "）"));
        assertThat(audit.forArticle(articleId)).extracting(AuditEntry::actionLabel)
                .contains("生成一周动态", "修改一周动态", "提交审核", "审核通过", "发布");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?")
                .params(DigestService.DIGEST_PUBLISHED, id).query(Long.class).single()).isEqualTo(1);
        // The newsletter follows the outbox: the confirmed reader's mail is queued for this digest.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (newsletter.progress(id).values().stream().mapToLong(Long::longValue).sum() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(newsletter.progress(id).values().stream().mapToLong(Long::longValue).sum()).isPositive();
        MvcResult after = send(chief, "/admin/digests/" + id + "/entries", "op", "drop", "index", "0",
                "article", String.valueOf(policy));
        assertThat(after.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(after)).contains("这期一周动态已经发布，不能再修改");
        assertThat(page(chief, "/admin/digests", 200)).contains("已发布");
        assertThat(page(chief, "/admin/digests/" + id, 200)).contains("不能再修改").doesNotContain("上移", "保存导语");
    }

    @Test
    void generatingByHandValidatesTheRangeInChineseAndTwiceGivesTheSameDraft() throws Exception {
        assertThat(body(send(chief, "/admin/digests", "from", "2025-05-10", "to", "2025-05-01")))
                .contains("结束日期不能早于开始日期");
        assertThat(body(send(chief, "/admin/digests", "from", "2025-05-01", "to", "2025-06-10")))
                .contains("时间范围最长 31 天");
        MvcResult bad = send(chief, "/admin/digests", "from", "2025-13-01", "to", "2025-05-01");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("开始日期格式不正确", "value=\"2025-13-01\"");
        assertThat(body(send(chief, "/admin/digests", "from", "", "to", "2025-05-01"))).contains("请填写开始日期");

        long id = generate("2025-05-01", "2025-05-31");
        assertThat(redirect(send(chief, "/admin/digests", "from", "2025-05-01", "to", "2025-05-31")))
                .isEqualTo("/admin/digests/" + id + "?done=unchanged");
        assertThat(digests.findByWindow(new DigestWindow(java.time.LocalDate.parse("2025-05-01"),
                java.time.LocalDate.parse("2025-05-31")))).map(Digest::id).contains(id);
        assertThat(page(chief, "/admin/digests/999999", 404)).contains("没有找到这期一周动态");
    }

    @Test
    void withoutAGrantInTheDigestColumnEverythingIsRefused() throws Exception {
        long id = generate("2025-06-02", "2025-06-08");
        MockHttpSession contributor = session("member" + suffix, List.of(new ColumnGrant(column("news"),
                Role.CONTRIBUTOR)));
        assertThat(page(contributor, "/admin/digests", 403)).contains("您没有管理一周动态的权限");
        assertThat(send(contributor, "/admin/digests", "from", "2025-06-09", "to", "2025-06-15").getResponse()
                .getStatus()).isEqualTo(403);
        page(contributor, "/admin/digests/" + id, 403);
        assertThat(send(contributor, "/admin/digests/" + id + "/introduction", "introduction", "篡改").getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(send(contributor, "/admin/digests/" + id + "/submit").getResponse().getStatus()).isEqualTo(403);
        page(contributor, "/admin/newsletter", 403);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/admin/digests/" + id + "/introduction").session(chief).param("introduction", "无令牌"))
                .andExpect(status().isForbidden());
        assertThat(digests.findDigest(id).orElseThrow().edited()).isFalse();

        MockHttpSession weeklyEditor = session("editor" + suffix, List.of(new ColumnGrant(column("weekly"),
                Role.EDITOR)));
        page(weeklyEditor, "/admin/digests/" + id, 200);
        page(weeklyEditor, "/admin/newsletter", 403);
    }

    @Test
    void theNewsletterPageShowsSubscribersAndEachMailingsProgressAndFailures() throws Exception {
        long id = generate("2025-07-07", "2025-07-13");
        org.shegong.digest.DigestPublishing.publish(context, id);
        Instant now = Instant.parse("2025-07-14T02:00:00Z");
        jdbc.sql("""
                INSERT INTO newsletter_subscriber (email, status, confirm_sends, unsubscribe_token, created_at)
                VALUES (?, 'PENDING', 1, ?, ?)""").params("bounce" + suffix + "@example.org", "u" + suffix,
                Times.toDb(now)).update();
        long subscriber = jdbc.sql("SELECT id FROM newsletter_subscriber WHERE unsubscribe_token = ?")
                .param("u" + suffix).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO newsletter_send (digest_id, subscriber_id, status, attempts, claimed_at, last_error,
                  created_at) VALUES (?, ?, 'FAILED', 5, ?, '550 mailbox unavailable <script>alert(1)</script>', ?)""")
                .params(id, subscriber, Times.toDb(now), Times.toDb(now)).update();

        String page = page(chief, "/admin/newsletter", 200);
        assertThat(page).contains("订阅者", "社会工作一周动态 (7.7-7.13)", "失败 1", "bounce" + suffix + "@example.org",
                "550 mailbox unavailable &lt;script&gt;", "<td>5</td>", "已放弃").doesNotContain("<script>alert");
    }
}
