package org.shegong.site.region;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.shegong.system.Await.awaitWithin;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchQuery;
import org.shegong.system.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 地区 in a real (headless, system-installed) Chromium on the demo content: the map reached from the navigation,
 * a province opened from the map with the keyboard, a city followed from the province's list, a search kept to a
 * province with the search page's 地区 filter; axe-core finds no serious violation on any of those pages.
 */
@EnabledIf(value = "org.shegong.system.Browsers#chromiumInstalledOrCi",
        disabledReason = "no headless Chromium at /usr/bin/chromium (install Debian's chromium package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:region-browser;DB_CLOSE_DELAY=-1", "shegong.demo-content=true"})
class RegionBrowserTest {

    private static final String HUNNAN = "2023年 沈阳浑南区实现社会工作师占比达70%";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired SearchEngine search;

    @BeforeAll
    static void requireSystemChromium() {
        Browsers.requireChromium();
    }

    @Test
    void readerBrowsesByPlaceAndSearchesInAProvince() throws Exception {
        // The demo import's outbox event tags every article, then the search index is rebuilt from the tags.
        awaitWithin(120_000, () -> jdbc.sql("SELECT COUNT(*) FROM region_listing WHERE region_code = '210112'")
                .query(Long.class).single() > 0 && !search.status().rebuilding()
                && search.search(SearchQuery.simple("社工站").inRegion("210000")).total() > 0);
        String base = "http://localhost:" + port;
        try (Playwright playwright = Browsers.playwright();
             Browser browser = Browsers.chromium(playwright);
             // Bypassing the CSP is only what lets the injected axe-core run; the pages have no inline script.
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                     .setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);

            // --- The map, from the navigation ---
            page.navigate(base + "/");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("栏目导航"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("地区").setExact(true)).click();
            page.waitForURL("**/region");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("地区").setLevel(1)))
                    .isVisible();
            Locator map = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                    .setName("中国各省（区、市）地图：每格一个省级行政区，按最近一年的文章数着色"));
            assertThat(map.getByRole(AriaRole.LINK)).hasCount(34);
            Locator list = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("省份列表"));
            assertThat(list.getByRole(AriaRole.LINK)).hasCount(34);
            assertThat(list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("辽宁省"))).isVisible();
            Path shots = Paths.get(System.getProperty("shegong.browser.shots", "target/browser-shots"));
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("region-map.png")).setFullPage(true));
            Browsers.assertNoSeriousAxeViolations(page, "/region");

            // --- A province, opened from its tile with the keyboard ---
            Locator liaoning = map.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("^辽宁：\\d+ 条$")));
            liaoning.focus();
            page.keyboard().press("Enter");
            page.waitForURL("**/region/210000");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("辽宁省");
            assertThat(page.locator("ul.listing > li").first()).isVisible();
            Browsers.assertNoSeriousAxeViolations(page, "辽宁省");

            // --- A city, from the province's list of cities ---
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("下辖地市"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("沈阳市").setExact(true)).click();
            page.waitForURL("**/region/210100");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("沈阳市");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(HUNNAN).setExact(true))
                    .first()).isVisible();
            Locator breadcrumb = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("当前位置"));
            assertThat(breadcrumb.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("辽宁省")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("region-city.png")).setFullPage(true));
            Browsers.assertNoSeriousAxeViolations(page, "沈阳市");

            // --- A search kept to one province with the search page's filter ---
            page.navigate(base + "/search?q=" + java.net.URLEncoder.encode("左邻右舍", StandardCharsets.UTF_8));
            page.getByLabel("地区", new Page.GetByLabelOptions().setExact(true)).selectOption("210000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索").setExact(true)).last().click();
            page.waitForURL("**/search?*region=210000*");
            assertThat(page.locator(".search-total")).containsText("条结果");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(HUNNAN).setExact(true))
                    .first()).isVisible();
            Locator facets = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("^按地区")));
            assertThat(facets.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("不限地区")))
                    .isVisible();
            assertThat(facets.locator("[aria-current]")).hasText("辽宁省");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("region-search.png")).setFullPage(true));
            Browsers.assertNoSeriousAxeViolations(page, "search in 辽宁省");
        }
    }
}
