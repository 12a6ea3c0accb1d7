package org.shegong.media;

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
import java.util.List;
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
 * The editor in headless Chromium: the TinyMCE interface is Chinese, an image put into the editor is uploaded
 * through the page's upload handler (CSRF header) and its address replaced by a /media/ one, an attachment chosen
 * in the 插入附件 form is uploaded and linked, the PDF downloads from that link and is counted; axe-core finds no
 * serious or critical problem on the editor page. The second test is the item-type journey (see its comment).
 */
@EnabledIf(value = "chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:media-browser;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
class MediaEditorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PASSWORD = "pass-word-12345";

    /** Draws an image in the page, hands it to TinyMCE as a pasted image would be, and lets TinyMCE upload it. */
    private static final String PASTE_IMAGE = """
            async () => {
              const ed = tinymce.activeEditor;
              const canvas = document.createElement('canvas');
              canvas.width = 640; canvas.height = 480;
              const g = canvas.getContext('2d');
              g.fillStyle = '#c33'; g.fillRect(0, 0, 640, 480);
              const blob = await new Promise(r => canvas.toBlob(r, 'image/png'));
              const dataUrl = await new Promise(r => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(blob); });
              const info = ed.editorUpload.blobCache.create('pasted' + Date.now(), blob, dataUrl.split(',')[1], '现场.png');
              ed.editorUpload.blobCache.add(info);
              ed.insertContent('<p><img src="' + info.blobUri() + '" alt="揭牌现场"></p>');
              await ed.uploadImages();
              return ed.getContent();
            }""";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ColumnService columns;

    @Autowired
    MediaRepository repository;

    @Autowired
    DownloadCounter downloads;

    @Autowired
    org.shegong.column.ReviewLevels levels;

    static boolean chromiumInstalledOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    void anEditorUploadsAnImageAndAPdfInTheChineseEditor() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium package");
        }
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("mediaeditor", "编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));
        String base = "http://localhost:" + port;
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking")));
             // Bypassing the CSP is only what lets the injected axe-core run; the page's own scripts are files.
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                     .setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            page.navigate(base + "/admin/articles/new");
            page.getByLabel("用户名").fill("mediaeditor");
            page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            page.navigate(base + "/admin/articles/new");
            page.waitForFunction("() => window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized");
            assertThat(page.locator(".tox-tbtn[aria-label='撤销']")).hasCount(1);
            assertThat(page.locator(".tox-tbtn[aria-label='插入/编辑图片']")).hasCount(1);

            String content = (String) page.evaluate(PASTE_IMAGE);
            org.assertj.core.api.Assertions.assertThat(content)
                    .containsPattern("<img src=\"/media/[0-9a-f]{2}/[0-9a-f]{32}\\.(png|jpg)\"").doesNotContain("blob:");
            String image = content.replaceAll("(?s).*<img src=\"(/media/[^\"]+)\".*", "$1");
            org.assertj.core.api.Assertions.assertThat(repository.byKey(image.substring(7)).orElseThrow().width())
                    .isEqualTo(640);

            page.locator("#attachment-file").setInputFiles(new FilePayload("评审结果.pdf", "application/pdf",
                    TestFiles.pdf()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并插入")).click();
            assertThat(page.locator("#attachment-status")).containsText("已插入附件：评审结果.pdf");
            content = (String) page.evaluate("() => tinymce.activeEditor.getContent()");
            String pdf = content.replaceAll("(?s).*<a href=\"(/media/[^\"]+\\.pdf)\">评审结果\\.pdf</a>.*", "$1");
            org.assertj.core.api.Assertions.assertThat(pdf).startsWith("/media/");

            var download = page.request().get(base + pdf);
            org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(download.headers().get("content-disposition"))
                    .startsWith("attachment");
            downloads.flush();
            org.assertj.core.api.Assertions.assertThat(repository.byKey(pdf.substring(7)).orElseThrow()
                    .downloadCount()).isEqualTo(1);

            org.shegong.system.Browsers.assertNoSeriousAxeViolations(page, "the editor page");
        }
    }

    /**
     * The journey of issue 12: an editor uploads an image and a PDF in the media library, writes a 一图读懂 with
     * the image and its transcript and a 公示 whose body links the PDF, and submits both; a chief editor (another
     * person: nobody approves their own work) approves and publishes them; a reader sees the 公示中 badge in the
     * listing and on the page, the image whole with its transcript, and downloads the PDF, which is counted.
     */
    @Test
    void anEditorPublishesAnInfographicAndANoticeThatAReaderSeesAndDownloads() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium package");
        }
        long news = columns.bySlug("news").orElseThrow().id();
        long notices = columns.bySlug("notices").orElseThrow().id();
        levels.set(news, 1);
        levels.set(notices, 1);
        List<ColumnGrant> editing = List.of(new ColumnGrant(news, Role.EDITOR), new ColumnGrant(notices, Role.EDITOR));
        accounts.create("typeseditor", "编辑丙", PASSWORD, false, editing);
        accounts.create("typeschief", "终审丁", PASSWORD, false, List.of(new ColumnGrant(news, Role.CHIEF_EDITOR),
                new ColumnGrant(notices, Role.CHIEF_EDITOR)));
        String base = "http://localhost:" + port;
        java.time.LocalDate today = java.time.LocalDate.now(org.shegong.system.Times.CHINA);
        String infographicTitle = "一图读懂|社会组织信用信息管理问答";
        String noticeTitle = "2021年度第二次高级社会工作师评审结果的公示";
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking")))) {
            List<String> edits = new java.util.ArrayList<>();
            String pdf;
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
                Page page = context.newPage();
                page.setDefaultTimeout(20_000);
                login(page, base, "typeseditor");
                String image = uploadInLibrary(page, base, new FilePayload("一图读懂.png", "image/png",
                        TestFiles.png(600, 1800, false)));
                pdf = uploadInLibrary(page, base, new FilePayload("评审结果.pdf", "application/pdf", TestFiles.pdf()));

                write(page, base, infographicTitle, news, "INFOGRAPHIC", "<p>社会组织信用信息管理问答。</p>");
                page.getByLabel("图片地址", new Page.GetByLabelOptions().setExact(true)).fill(image);
                page.getByLabel("图片文字说明（读屏软件与搜索使用；每行一段）").fill("问：什么是信用信息？\n答：社会组织在活动中形成的信息。");
                edits.add(saveAndSubmit(page));

                write(page, base, noticeTitle, notices, "NOTICE",
                        "<p>现将评审结果予以公示。</p><p><a href=\"" + pdf + "\">评审结果.pdf</a></p>");
                page.getByLabel("公示期开始").fill(today.minusDays(1).toString());
                page.getByLabel("公示期结束（含当日）").fill(today.plusDays(6).toString());
                page.getByLabel("异议联系方式").fill("评审办公室 电话：024-12345678");
                edits.add(saveAndSubmit(page));
            }
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
                Page page = context.newPage();
                page.setDefaultTimeout(20_000);
                login(page, base, "typeschief");
                for (String edit : edits) {
                    page.navigate(edit);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过")).click();
                    assertThat(page.getByRole(AriaRole.STATUS)).containsText("已审核通过");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即发布")).click();
                    assertThat(page.getByRole(AriaRole.STATUS)).containsText("已发布到网站");
                }
            }
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                    .setBypassCSP(true).setAcceptDownloads(true))) {
                Page page = context.newPage();
                page.setDefaultTimeout(20_000);
                page.navigate(base + "/column/notices");
                var line = page.locator(".listing li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText(noticeTitle));
                assertThat(line.locator(".badge")).hasText("公示中");
                line.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName(noticeTitle).setExact(true)).click();
                assertThat(page.locator(".notice-box .badge")).hasText("公示中");
                assertThat(page.locator(".notice-box")).containsText("异议联系方式：评审办公室 电话：024-12345678");
                org.shegong.system.Browsers.assertNoSeriousAxeViolations(page, "a reader page");
                var download = page.waitForDownload(() -> page.locator(".article-body a[href='" + pdf + "']").click());
                org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("评审结果.pdf");
                downloads.flush();
                org.assertj.core.api.Assertions.assertThat(repository.byKey(pdf.substring(7)).orElseThrow()
                        .downloadCount()).isEqualTo(1);

                page.navigate(base + "/column/news");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(infographicTitle).setExact(true))
                        .first().click();
                var img = page.locator(".infographic img");
                assertThat(img).isVisible();
                org.assertj.core.api.Assertions.assertThat(((Number) img.evaluate("i => i.naturalWidth")).intValue())
                        .as("the image loaded").isGreaterThan(0);
                org.assertj.core.api.Assertions.assertThat(((Number) img.evaluate(
                        "i => i.getBoundingClientRect().height / i.getBoundingClientRect().width")).doubleValue())
                        .as("shown whole, not cropped").isBetween(2.9, 3.1);
                assertThat(img).hasAccessibleDescription(java.util.regex.Pattern.compile("图片文字说明"));
                assertThat(page.locator(".transcript")).containsText("问：什么是信用信息？");
                assertThat(page.locator(".transcript")).containsText("答：社会组织在活动中形成的信息。");
                org.shegong.system.Browsers.assertNoSeriousAxeViolations(page, "a reader page");
            }
        }
    }

    private static void login(Page page, String base, String username) {
        page.navigate(base + "/admin");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("工作台");
    }

    /** Uploads through the library's plain form and reads the address it shows. */
    private static String uploadInLibrary(Page page, String base, FilePayload file) {
        page.navigate(base + "/admin/media");
        page.getByLabel("上传文件").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传").setExact(true)).click();
        // The name keeps its stem; the extension is the stored one (an opaque PNG is re-encoded as JPEG).
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已上传：" + file.name.replaceAll("\\.[a-z]+$", ""));
        return page.locator("[role=status] code").textContent().strip();
    }

    private static void write(Page page, String base, String title, long column, String kind, String body) {
        page.navigate(base + "/admin/articles/new");
        page.waitForFunction("() => window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized");
        page.getByLabel("标题（必填）").fill(title);
        page.locator("#primaryColumn").selectOption(String.valueOf(column));
        page.getByLabel("类型").selectOption(kind);
        page.evaluate("html => tinymce.activeEditor.setContent(html)", body);
    }

    /** Saves the new article, submits it, and answers its edit page's address. */
    private static String saveAndSubmit(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("稿件已创建");
        String edit = page.url().replaceAll("\\?.*", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已提交审核");
        return edit;
    }

}
