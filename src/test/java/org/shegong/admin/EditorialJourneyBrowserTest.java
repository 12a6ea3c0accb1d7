package org.shegong.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editorial journey in headless Chromium: a contributor logs in, writes and submits; the editor (初审), the
 * reviewer (复审) and the chief editor (终审) each log in and approve from their dashboard; the chief editor
 * publishes; a reader sees the article on the public site. No page may report a CSP violation.
 */
@EnabledIf(value = "chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:editorial-browser;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
class EditorialJourneyBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String PASSWORD = "pass-word-12345";
    private static final String TITLE = "牡丹江市爱民区兴平街道社工站正式揭牌运营";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ColumnService columns;

    static boolean chromiumInstalledOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeAll
    static void requireSystemChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium package");
        }
    }

    @Test
    void contributorWritesThreeLevelsApproveChiefPublishesReaderSeesIt() {
        long news = columns.bySlug("news").orElseThrow().id();
        for (Role role : List.of(Role.CONTRIBUTOR, Role.EDITOR, Role.REVIEWER, Role.CHIEF_EDITOR)) {
            accounts.create(role.name().toLowerCase().replace("_", ""), role.label(), PASSWORD, false,
                    List.of(new ColumnGrant(news, role)));
        }
        String base = "http://localhost:" + port;
        List<String> cspViolations = new ArrayList<>();
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking")))) {
            String articleUrl;
            try (BrowserContext context = browser.newContext()) {
                Page page = open(context, cspViolations);
                login(page, base, "contributor");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("写稿").setExact(true)).first().click();
                page.getByLabel("标题（必填）").fill(TITLE);
                page.getByLabel("正文", new Page.GetByLabelOptions().setExact(true)).fill("<h2>揭牌仪式</h2><p>兴平街道社会工作服务站今日正式运营。</p><ul><li>个案服务</li></ul>");
                page.getByLabel("来源", new Page.GetByLabelOptions().setExact(true)).fill("牡丹江市民政局");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
                assertThat(page.getByRole(AriaRole.STATUS)).containsText("稿件已创建");
                articleUrl = page.url().replaceAll("\\?.*", "");
                page.getByLabel("提交说明").fill("请审阅");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
                assertThat(page.getByRole(AriaRole.STATUS)).containsText("已提交审核");
            }
            for (String reviewer : List.of("editor", "reviewer", "chiefeditor")) {
                try (BrowserContext context = browser.newContext()) {
                    Page page = open(context, cspViolations);
                    login(page, base, reviewer);
                    assertThat(page.locator("#waiting")).containsText(TITLE);
                    page.locator("#waiting").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                            .setName(TITLE)).click();
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过")).click();
                    assertThat(page.getByRole(AriaRole.STATUS)).containsText("已审核通过");
                    if (reviewer.equals("chiefeditor")) {
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即发布")).click();
                        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已发布到网站");
                    }
                }
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = open(context, cspViolations);
                page.navigate(base + "/");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TITLE)).first().click();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(TITLE);
                assertThat(page.locator(".article-body h2")).hasText("揭牌仪式");
                page.navigate(articleUrl);
                assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/login$"));
            }
        }
        org.assertj.core.api.Assertions.assertThat(cspViolations).isEmpty();
    }

    private static Page open(BrowserContext context, List<String> cspViolations) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    private static void login(Page page, String base, String username) {
        page.navigate(base + "/admin");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/login$"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("工作台");
    }
}
