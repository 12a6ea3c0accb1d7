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
 * serious or critical problem on the editor page.
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
}
