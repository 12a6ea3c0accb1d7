package org.shegong.system;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the browser tests share: Debian's headless Chromium (never downloaded; a test without it is skipped
 * locally and fails under CI) and axe-core from its WebJar. Use with
 * {@code @EnabledIf("org.shegong.system.Browsers#chromiumInstalledOrCi")}.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browsers() {
    }

    public static boolean chromiumInstalledOrCi() {
        return Files.isExecutable(CHROMIUM) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** For a {@code @BeforeAll}: under CI a missing browser is a failure, not a skip. */
    public static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Headless Chromium not found at " + CHROMIUM + " and CI=true: install Debian's chromium package");
        }
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking")));
    }

    /** Injects axe-core and fails on any serious or critical violation (the page's context must bypass the CSP). */
    public static void assertNoSeriousAxeViolations(Page page, String label) throws IOException {
        var found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
        try (InputStream in = found[0].getInputStream()) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        String serious = (String) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\\n')");
        org.assertj.core.api.Assertions.assertThat(serious).as("serious axe violations on " + label).isEmpty();
    }
}
