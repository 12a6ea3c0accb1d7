package org.shegong.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.shegong.system.Browsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API documentation (Swagger UI, a third-party widget) reads in Chinese through a whole "try it out": no
 * visible label or tooltip is a phrase in English. Names that are code (schema names, HTTP methods, paths, media
 * types, JSON) are allowed; any other capitalised English word or phrase fails the test, so a label Swagger UI
 * adds in a later version shows up here rather than on the page.
 */
@EnabledIf(value = "org.shegong.system.Browsers#chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:swagger-zh;DB_CLOSE_DELAY=-1")
class SwaggerUiChineseTest {

    /** An English word or phrase as a label shows it: a capital, then lower-case words (Try it out, Schemas). */
    private static final Pattern ENGLISH_LABEL = Pattern.compile("^[A-Z][a-z]+(?:[ -][A-Za-z]+)*[.:!]?$");
    private static final Set<String> CODE_WORDS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OAS 3.1", "Bearer");

    @LocalServerPort int port;

    @BeforeAll
    static void requireSystemChromium() {
        Browsers.requireChromium();
    }

    @Test
    void everyLabelOfATryItOutIsChinese() throws IOException {
        String base = "http://localhost:" + port;
        Set<String> allowed = new LinkedHashSet<>(CODE_WORDS);
        String json;
        try (var in = java.net.URI.create(base + "/v3/api-docs").toURL().openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode description = JsonMapper.builder().build().readTree(json);
        description.path("components").path("schemas").propertyNames().forEach(allowed::add);
        try (Playwright playwright = Browsers.playwright();
             Browser browser = Browsers.chromium(playwright);
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            page.navigate(base + "/swagger-ui.html");
            page.locator(".opblock").first().waitFor();
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page).hasTitle("开放数据接口文档");

            page.locator(".opblock-summary-path[data-path='/api/v1/columns']").click();
            // try-it-out is on from the start (springdoc.swagger-ui.try-it-out-enabled), so the button offers 取消
            com.microsoft.playwright.Locator operation = page.locator(".opblock.is-open");
            assertThat(operation.locator(".try-out__btn")).hasText("取消");
            assertThat(operation.locator("button.execute")).hasText("执行");
            operation.locator("button.execute").click();
            operation.getByText("服务器响应").waitFor();
            assertThat(page.locator("section.models .models-control")).hasText("数据结构");

            java.nio.file.Path shots = java.nio.file.Path.of(System.getProperty("shegong.browser.shots", "target/browser-shots"));
            java.nio.file.Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("swagger-ui.png")).setFullPage(true));
            assertThat(page.locator("body")).containsText("参数");
            assertThat(page.locator("body")).containsText("响应体");
            List<String> english = new ArrayList<>();
            List<String> labels = visibleLabels(page);
            assertThat(labels).as("springdoc's default response description").doesNotContain("OK");
            for (String text : labels) {
                if (ENGLISH_LABEL.matcher(text).matches() && !allowed.contains(text)) {
                    english.add(text);
                }
            }
            assertThat(english).as("labels still in English on the API documentation").isEmpty();
        }
    }

    @Test
    void everyLabelTheScriptTranslatesIsChinese() throws IOException {
        String script = new ClassPathResource("static" + ChineseSwaggerIndex.LABELS_SCRIPT)
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher pair = Pattern.compile("\\n {4}'([^']+)':\\s*'([^']*)'").matcher(script);
        int pairs = 0;
        while (pair.find()) {
            pairs++;
            assertThat(pair.group(2)).as("translation of " + pair.group(1)).containsPattern("\\p{IsHan}");
        }
        assertThat(pairs).isGreaterThan(50);
    }

    /** Text of visible elements' own text nodes, and the tooltips and placeholders a person sees. */
    @SuppressWarnings("unchecked")
    private static List<String> visibleLabels(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const out = [];
                  const code = 'pre, code, textarea, .microlight, .renderedMarkdown, .opblock-summary-path, .model-title, .prop-type, .prop-format, .parameter__type, .parameter__in, .response-col_status, .servers select, .version, .model';
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  let node;
                  while ((node = walker.nextNode())) {
                    const el = node.parentElement;
                    const text = node.nodeValue.trim();
                    if (!text || !el || el.closest(code) || el.closest('script, style')) continue;
                    if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
                    out.push(text);
                  }
                  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
                    for (const a of ['title', 'aria-label', 'placeholder']) {
                      const v = el.getAttribute(a);
                      if (v && !el.closest(code)) out.push(v.trim());
                    }
                  }
                  return out;
                }""");
    }
}
