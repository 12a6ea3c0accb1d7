package org.shegong.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.shegong.content.ColumnListing.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader's journey through the public site in a real (headless, system-installed) Chromium: home → column →
 * article, checking the visible Chinese text at each step and running axe-core on each page.
 *
 * <p>The browser is Debian's {@code /usr/bin/chromium}; Playwright never downloads one. Without that browser the
 * test is skipped locally and fails under CI ({@code CI=true}). Full-page screenshots go to the directory named
 * by the system property {@code shegong.browser.shots} (default {@code target/browser-shots}).
 */
@EnabledIf(value = "chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=true",
        // A mail server is configured (nothing is sent: the form is only tried with a bad address), so the
        // footer offers the newsletter.
        "spring.mail.host=127.0.0.1", "spring.mail.port=9"
})
class ReaderJourneyBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String AXE_PATTERN = "classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js";
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String SITE_NAME = "社工中国网";
    private static final String HOME_SEED_TITLE = "海南省首批66个乡镇(街道)社工站已全部运营";
    private static final String ARTICLE_TITLE = "黑龙江省牡丹江市首个社工站正式运营";
    private static final String ARTICLE_BODY_TEXT = "牡丹江市爱民区兴平街道社会工作服务站";

    @LocalServerPort
    int port;

    /** Locally a missing browser skips the test (before Spring starts); under CI it must fail instead. */
    static boolean chromiumInstalledOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeAll
    static void requireSystemChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium "
                    + "package (this test never downloads a browser)");
        }
    }

    @Test
    void readerGoesFromHomeToColumnToArticle() throws IOException {
        String base = "http://localhost:" + port;
        String axe = axeScript();
        Path shots = Paths.get(System.getProperty("shegong.browser.shots", "target/browser-shots"));
        Files.createDirectories(shots);

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM)
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking")));
             // The site's CSP forbids inline scripts; bypassing it is what lets the injected axe-core run.
             BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                     .setBypassCSP(true)
                     .setLocale("zh-CN")
                     .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            List<String> scriptErrors = new ArrayList<>();
            page.onPageError(scriptErrors::add);

            // --- Home ---
            Response home = page.navigate(base + "/");
            assertNotNull(home, "no response for the home page");
            assertEquals(200, home.status(), "home page status");
            assertThat(page).hasTitle(SITE_NAME);
            Locator siteName = page.locator("header.site-header a.site-name");
            assertThat(siteName).isVisible();
            assertThat(siteName).hasText(SITE_NAME);
            Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("栏目导航"));
            for (String column : List.of("行业动态", "政策法规", "理论研究", "联合会动态", "通知公告", "一周动态")) {
                assertThat(navLink(nav, column)).isVisible();
            }
            Locator featuredDetails = page.locator("section.featured a.details");
            assertThat(featuredDetails).isVisible();
            assertThat(featuredDetails).hasText("[详情]");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName(HOME_SEED_TITLE).setExact(true)).first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("home.png")).setFullPage(true));
            assertNoSeriousAxeViolations(page, axe, "home");

            // --- Column 行业动态 ---
            navLink(nav, "行业动态").click();
            page.waitForURL("**/column/news");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("行业动态").setExact(true).setLevel(1))).isVisible();
            assertThat(navLink(nav, "行业动态")).hasAttribute("aria-current", "page");
            Locator breadcrumb = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("当前位置"));
            assertThat(breadcrumb.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("首页").setExact(true))).isVisible();
            Locator items = page.locator("ul.listing > li");
            assertEquals(PAGE_SIZE, items.count(), "a full first page of 行业动态");
            assertThat(items.first().locator("a.details")).hasText("[详情]");
            assertThat(items.first().locator("a.details")).isVisible();
            Locator pager = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("分页"));
            assertThat(pager).isVisible();
            String pagerInfo = pager.locator(".pager-info").innerText();
            Matcher info = Pattern.compile("共 (\\d+) 条，第 1/(\\d+) 页").matcher(pagerInfo);
            assertTrue(info.matches(), "pager info: " + pagerInfo);
            int total = Integer.parseInt(info.group(1));
            int pages = Integer.parseInt(info.group(2));
            assertTrue(total > PAGE_SIZE * 2, "seed listing should fill three pages, total " + total);
            assertEquals((total + PAGE_SIZE - 1) / PAGE_SIZE, pages, pagerInfo);
            assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("下一页"))).isVisible();
            // The demo fills 行业动态 with the seed and the sample articles: more pages than the pager numbers.
            assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("末页").setExact(true))).hasAttribute("href", "/column/news/page/" + pages);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("column.png")).setFullPage(true));
            assertNoSeriousAxeViolations(page, axe, "column 行业动态");

            // --- Article ---
            page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(ARTICLE_TITLE).setExact(true)).first().click();
            page.waitForURL("**/article/*");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(ARTICLE_TITLE);
            assertThat(page).hasTitle(ARTICLE_TITLE + " - 行业动态 - " + SITE_NAME);
            Locator meta = page.locator("dl.article-meta");
            for (String term : List.of("发布时间", "来源", "浏览次数")) {
                assertThat(meta.getByText(term, new Locator.GetByTextOptions().setExact(true))).isVisible();
            }
            assertThat(meta.locator("time")).hasText(Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"));
            Locator body = page.locator(".article-body");
            assertThat(body).isVisible();
            assertThat(body).containsText(ARTICLE_BODY_TEXT);

            double before = fontSizePx(body);
            String articleUrl = page.url();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("字号大").setExact(true)).click();
            page.waitForURL(articleUrl);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("字号大").setExact(true)))
                    .hasAttribute("aria-current", "true");
            double after = fontSizePx(page.locator(".article-body"));
            assertTrue(after > before, "font size of .article-body should grow after choosing 大: "
                    + before + "px -> " + after + "px");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("article.png")).setFullPage(true));
            assertNoSeriousAxeViolations(page, axe, "article " + ARTICLE_TITLE);

            // Footer → newsletter form; a bad address comes back with a visible, announced error.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("邮件订阅“社会工作一周动态”")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("订阅“社会工作一周动态”");
            page.getByLabel("电子邮箱").fill("not-an-address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("订阅")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("请输入有效的电子邮箱地址");
            assertThat(page.getByLabel("电子邮箱")).hasValue("not-an-address");
            assertNoSeriousAxeViolations(page, axe, "newsletter form with an error");

            // 关怀模式: a link, remembered on the next page (and the text size with it), with enough contrast.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("关怀模式").setExact(true)).click();
            page.navigate(base + "/");
            assertThat(page.locator("html")).hasClass(Pattern.compile("\\bcare\\b.*\\bfs-large\\b"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("退出关怀模式"))).isVisible();
            assertNoSeriousAxeViolations(page, axe, "home page in 关怀模式");

            assertTrue(scriptErrors.isEmpty(), "uncaught script errors: " + scriptErrors);
        }
    }

    private static Locator navLink(Locator nav, String name) {
        return nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static double fontSizePx(Locator element) {
        Object size = element.evaluate("el => parseFloat(getComputedStyle(el).fontSize)");
        return ((Number) size).doubleValue();
    }

    /** Injects axe-core, runs it on the whole document, fails on any serious or critical violation. */
    private static void assertNoSeriousAxeViolations(Page page, String axe, String label) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        String json = (String) page.evaluate("async () => { const r = await axe.run(document, "
                + "{resultTypes: ['violations']}); return JSON.stringify({version: axe.version, "
                + "passes: r.passes.length, incomplete: r.incomplete.map(i => i.id), violations: r.violations}); }");
        AxeResult result = JSON.readValue(json, AxeResult.class);
        assertTrue(result.passes() > 0, "axe-core did not evaluate any rule on " + label);
        List<AxeViolation> violations = result.violations();
        // Moderate and minor findings do not fail the build, but they should be visible in the test log.
        System.out.println("[axe " + result.version() + "] " + label + ": " + result.passes() + " rules passed, "
                + violations.size() + " violated, needs review: " + result.incomplete());
        for (AxeViolation v : violations) {
            System.out.println(v.describe());
        }
        List<AxeViolation> blocking = violations.stream()
                .filter(v -> v.impact() != null && BLOCKING_IMPACTS.contains(v.impact()))
                .toList();
        if (!blocking.isEmpty()) {
            fail("axe-core found " + blocking.size() + " serious/critical violation(s) on " + label + " ("
                    + page.url() + "):\n" + blocking.stream().map(AxeViolation::describe)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String axeScript() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(AXE_PATTERN);
        if (found.length != 1) {
            fail("expected exactly one axe-core WebJar on the test classpath (" + AXE_PATTERN + "), found "
                    + found.length);
        }
        try (InputStream in = found[0].getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    record AxeResult(String version, int passes, List<String> incomplete, List<AxeViolation> violations) {
    }

    record AxeViolation(String id, String impact, String help, String helpUrl, List<AxeNode> nodes) {
        String describe() {
            String where = nodes == null ? "" : nodes.stream()
                    .map(n -> "    at " + n.target() + " " + n.html()
                            + (n.failureSummary() == null ? "" : "\n      " + n.failureSummary().replace("\n", "\n      ")))
                    .collect(Collectors.joining("\n"));
            return "- " + id + " [" + impact + "] " + help + " (" + helpUrl + ")\n" + where;
        }
    }

    record AxeNode(List<Object> target, String html, String impact, String failureSummary) {
    }
}
