package org.shegong.engage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's reader-facing features in a real (headless, system-installed) Chromium, sharing one server: a reader
 * asks about an article and a moderator answers, and the reader sees the answer on the article page (served through
 * the page cache, which the outbox must have invalidated); an organisation submits news with a PDF and a photo, an
 * editor sees the files with the draft and publishes it, and a reader sees the photo and downloads the PDF;
 * a chief editor fills the 头条 slot and builds a 专题 (the topic feature, tested here to share the server).
 */
@EnabledIf(value = "chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:engage-browser;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
class EngageBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final String PASSWORD = "pass-word-12345";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired ArticleService articles;
    @Autowired TransactionTemplate transactions;
    @Autowired org.shegong.column.ReviewLevels reviewLevels;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    static Playwright playwright;
    static Browser browser;

    static boolean chromiumInstalledOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium package");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aReaderAsksAModeratorPublishesWithAnAnswerAndTheReaderSeesIt() {
        long news = columns.bySlug("news").orElseThrow().id();
        long article = transactions.execute(s -> articles.save(new ArticleInput(null, "兴平街道社工站开放日活动", null, null,
                "<p>社工站举办开放日。</p>", "民政部", null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                Instant.parse("2026-11-30T02:00:00Z"), ArticleStatus.LIVE))).id();
        accounts.create("moderator", "栏目编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));

        try (BrowserContext reader = browser.newContext()) {
            Page page = reader.newPage();
            page.navigate(base() + "/article/" + article);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我要留言")).click();
            page.getByLabel("标题 *").fill("开放日需要预约吗");
            page.getByLabel("留言内容 *").fill("我想带孩子参加开放日，需要提前预约吗？");
            page.getByLabel("称呼（可不填，公开时显示）").fill("王女士");
            page.getByLabel("电子邮箱或手机号码 *（不公开）").fill("wang@example.com");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交留言")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("留言已收到");
            page.navigate(base() + "/article/" + article);
            assertThat(page.locator(".questions")).not().containsText("开放日需要预约吗");
        }
        try (BrowserContext staff = browser.newContext()) {
            Page page = staff.newPage();
            login(page, "moderator");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("互动交流")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("开放日需要预约吗")).click();
            assertThat(page.locator("dd").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("wang@example.com"))).hasCount(1);
            page.getByLabel("答复（公开显示，纯文本）").fill("无需预约，欢迎直接前来。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("公开留言和答复")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("已公开答复");
        }
        try (BrowserContext reader = browser.newContext()) {
            Page page = reader.newPage();
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                page.navigate(base() + "/article/" + article);
            } while (!page.locator(".questions").innerText().contains("无需预约") && System.currentTimeMillis() < deadline);
            assertThat(page.locator(".questions")).containsText("开放日需要预约吗");
            assertThat(page.locator(".questions")).containsText("王女士");
            assertThat(page.locator(".questions .qa-answer")).containsText("无需预约，欢迎直接前来。");
            assertThat(page.locator(".questions")).not().containsText("wang@example.com");
            page.navigate(base() + "/interact");
            assertThat(page.locator(".qa-list")).containsText("无需预约，欢迎直接前来。");
        }
    }

    @Test
    void anOrganisationSubmitsNewsAndAnEditorPublishesIt() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("chief", "终审编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        // One review level, so the chief editor alone may pass it (nobody passes two levels of one round).
        reviewLevels.set(news, 1);
        smtp.purgeEmailFromAllMailboxes();
        String title = "爱民区社工站开展邻里节活动";
        try (BrowserContext member = browser.newContext()) {
            Page page = member.newPage();
            page.navigate(base() + "/org/register");
            page.getByLabel("单位名称 *").fill("爱民区社会工作服务中心");
            page.getByLabel("联系人 *").fill("赵社工");
            page.getByLabel("电子邮箱 *").fill("aimin@example.org");
            page.getByLabel("联系电话 *").fill("0453-6171234");
            page.getByLabel("密码 *（至少 10 位，含字母、数字、符号中的两类）").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("注册")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("验证邮件已发送");
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/org/verify/[A-Za-z0-9_-]{43})")
                    .matcher(SubmissionPagesTest.text(smtp.getReceivedMessages()[0]));
            org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
            page.navigate(base() + link.group(1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证邮箱")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("邮箱验证成功");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登录投稿")).click();
            page.getByLabel("电子邮箱").fill("aimin@example.org");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("在线投稿");
            page.getByLabel("投稿栏目 *").selectOption("news");
            page.getByLabel("标题 *").fill(title);
            page.getByLabel("正文 *").fill("爱民区社工站举办邻里节。\n\n居民三百余人参加。");
            page.getByLabel("附件", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload[] {
                    new FilePayload("邻里节方案.pdf", "application/pdf", SubmissionAttachmentsTest.pdf(3_000)),
                    new FilePayload("邻里节现场.jpg", "image/jpeg", SubmissionAttachmentsTest.jpeg())});
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交稿件")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("稿件已提交");
            assertThat(page.locator(".submission-list")).containsText("已提交");
        }
        try (BrowserContext staff = browser.newContext()) {
            Page page = staff.newPage();
            login(page, "chief");
            page.locator("#waiting").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(title)).click();
            // The files came with the draft: listed above the editor, and in the body the editor works on.
            assertThat(page.locator("#submission-files")).containsText("投稿附件（2 个）");
            assertThat(page.locator("#submission-files")).containsText("邻里节方案.pdf");
            assertThat(page.locator("#submission-files")).containsText("邻里节现场.jpg");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("通过并发布")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("已审核通过并发布到网站");
        }
        try (BrowserContext member = browser.newContext()) {
            Page page = member.newPage();
            page.navigate(base() + "/org/submissions");
            page.getByLabel("电子邮箱").fill("aimin@example.org");
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.locator(".submission-list")).containsText("已发布");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(page.locator(".article-body p").nth(1)).hasText("居民三百余人参加。");
            // A reader sees the picture (re-encoded, served by /media) and downloads the document.
            com.microsoft.playwright.Locator photo = page.locator(".article-body img[alt='邻里节现场.jpg']");
            assertThat(photo).isVisible();
            org.assertj.core.api.Assertions.assertThat(((Number) photo.evaluate("img => img.naturalWidth")).intValue()).isEqualTo(120);
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("邻里节方案.pdf")).click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("邻里节方案.pdf");
            org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).startsWith(
                    "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            page.navigate(base() + "/admin");
            assertThat(page.locator("body")).not().containsText("工作台");
        }
    }

    @Test
    void aChiefEditorFillsTheHeadlineSlotAndBuildsATopic() {
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("curator", "版面编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        long headline = live("浑南区社工站获评全国优秀社工站", List.of(), "2026-11-20T02:00:00Z");
        long tagged = live("社工参与防汛救灾纪实", List.of("防汛救灾"), "2026-11-21T02:00:00Z");
        live("最新一条普通新闻", List.of(), "2026-11-29T02:00:00Z");
        try (BrowserContext reader = browser.newContext()) {
            Page page = reader.newPage();
            page.navigate(base() + "/");
            assertThat(page.locator("section.featured")).not().containsText("浑南区社工站获评全国优秀社工站");
        }
        try (BrowserContext staff = browser.newContext()) {
            Page page = staff.newPage();
            login(page, "curator");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("首页版位")).click();
            page.locator("#article-headline").fill(String.valueOf(headline));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加入头条")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("首页版位已更新");
            assertThat(page.locator("section[aria-labelledby=slot-headline] li")).containsText("浑南区社工站获评全国优秀社工站");

            page.getByLabel("后台导航").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("专题").setExact(true)).click();
            page.getByLabel("专题名称（必填）").fill("防汛救灾 社工在行动");
            page.getByLabel("地址名（必填，如 flood-relief）").fill("flood-relief");
            page.getByLabel("导语").fill("各地社会工作者投身防汛救灾一线。");
            page.getByLabel("自动收录：标签").fill("防汛救灾");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建专题")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("专题已保存");
            page.getByLabel("文章编号或地址").fill(base() + "/article/" + headline);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加入专题")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("专题已保存");
        }
        try (BrowserContext reader = browser.newContext()) {
            Page page = reader.newPage();
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                page.navigate(base() + "/");
            } while (!page.locator("section.featured").innerText().contains("浑南区")
                    && System.currentTimeMillis() < deadline);
            assertThat(page.locator("section.featured h2")).hasText("浑南区社工站获评全国优秀社工站");
            assertThat(page.locator("section.recommended")).containsText("最新一条普通新闻");
            page.navigate(base() + "/topic/flood-relief");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("防汛救灾 社工在行动");
            assertThat(page.locator(".topic-intro")).hasText("各地社会工作者投身防汛救灾一线。");
            assertThat(page.locator("section[aria-labelledby=topic-curated]")).containsText("浑南区社工站获评全国优秀社工站");
            assertThat(page.locator("section[aria-labelledby=topic-found]")).containsText("社工参与防汛救灾纪实");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("社工参与防汛救灾纪实")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/article/" + tagged + "$"));
        }
    }

    private long live(String title, List<String> tags, String at) {
        long news = columns.bySlug("news").orElseThrow().id();
        return transactions.execute(s -> articles.save(new ArticleInput(null, title, null, null, "<p>" + title + "。</p>",
                "民政部", null, null, Kind.NEWS, false, List.of(news), tags, null, Instant.parse(at),
                ArticleStatus.LIVE))).id();
    }

    void login(Page page, String username) {
        page.navigate(base() + "/admin");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("工作台");
    }
}
