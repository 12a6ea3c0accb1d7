package org.shegong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.system.Await;
import org.shegong.system.outbox.OutboxFollowed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behind a trusted proxy ({@code shegong.web.trust-proxy=true}; the test's loopback address is the proxy): links
 * follow the address the proxy forwards, the page cache keeps a copy per address, mails still use the configured
 * address, and the client address that throttling counts is the right-most one the proxy did not add itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:trusted-proxy;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.site.base-url=https://www.example.org.cn", "shegong.web.trust-proxy=true",
        "shegong.outbox.poll-interval=100ms", "shegong.api.requests-per-window=5"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustedProxyTest extends WithMailServer {

    static final String BASE = "https://www.example.org.cn";

    @LocalServerPort int port;
    @Autowired ArticleService articles;
    @Autowired ColumnService columns;
    @Autowired JdbcClient jdbc;

    static long articleId;

    /** Requests as nginx forwards them for a reader of {@code https://host[:port]}. */
    private Reader through(String host, int publicPort) {
        return new Reader(port, "X-Forwarded-Proto", "https", "X-Forwarded-Host", host,
                "X-Forwarded-Port", String.valueOf(publicPort), "X-Forwarded-For", "203.0.113.50");
    }

    @BeforeEach
    void publishOnce() {
        if (articleId == 0) {
            articleId = save("trusted-1", "可信代理后的新闻");
        }
    }

    private long save(String externalId, String title) {
        return articles.save(new ArticleInput(externalId, title, null, "摘要", "<p>正文</p>", null, null, null,
                Kind.NEWS, false, List.of(columns.bySlug("news").orElseThrow().id()), List.of(), null,
                Instant.now().minus(1, ChronoUnit.HOURS), ArticleStatus.LIVE)).id();
    }

    @Test
    void linksFollowTheAddressTheTrustedProxyForwards() {
        Reader reader = through("news.example.cn", 443);
        assertThat(reader.page("/rss.xml")).contains("<link>https://news.example.cn/article/" + articleId + "</link>")
                .doesNotContain(BASE, "127.0.0.1");
        assertThat(reader.page("/sitemap-articles-1.xml")).contains("<loc>https://news.example.cn/article/" + articleId)
                .doesNotContain(BASE);
        assertThat(reader.page("/robots.txt")).contains("Sitemap: https://news.example.cn/sitemap.xml");
        assertThat(reader.page("/article/" + articleId))
                .contains("<link rel=\"canonical\" href=\"https://news.example.cn/article/" + articleId + "\"");
        assertThat(through("news.example.cn", 8443).page("/atom.xml"))
                .contains("href=\"https://news.example.cn:8443/article/" + articleId + "\"");
        // From the proxy's machine with nothing forwarded (a health check): the configured address.
        assertThat(new Reader(port).page("/robots.txt")).contains("Sitemap: " + BASE + "/sitemap.xml");
    }

    @Test
    void thePageCacheKeepsACopyPerForwardedAddressAndAnEventEvictsThemAll() {
        OutboxFollowed.await(jdbc, null); // no eviction from the article's own events between the two requests
        String path = "/column/news";
        cachedTwice(path, new Reader(port), BASE);
        cachedTwice(path, through("a.example.cn", 443), "https://a.example.cn");
        cachedTwice(path, through("b.example.cn", 443), "https://b.example.cn");
        assertThat(through("a.example.cn", 443).get(path).headers().firstValue("X-Cache")).contains("HIT");

        long newer = save("trusted-2", "可信代理后的第二篇新闻");
        Await.awaitWithin(10_000, () -> through("a.example.cn", 443).page(path).contains("/article/" + newer));
        assertThat(through("b.example.cn", 443).page(path)).contains("/article/" + newer);
        assertThat(new Reader(port).page(path)).contains("/article/" + newer);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it uses up the other addresses' places in the page cache
    void onlyAFewOtherAddressesGetCopiesSoAForwardedHostCannotFillTheCache() {
        OutboxFollowed.await(jdbc, null);
        List<String> caches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Reader reader = through("flood" + i + ".example.cn", 443);
            String page = reader.page("/");
            assertThat(page).contains("<link rel=\"canonical\" href=\"https://flood" + i + ".example.cn/\"");
            reader.page("/"); // kept from its second request
            caches.add(reader.get("/").headers().firstValue("X-Cache").orElse("none"));
        }
        // Eight other addresses at most, some taken by the tests before: the first few floods are kept, the rest not.
        assertThat(caches).startsWith("HIT").endsWith("none", "none", "none", "none");
        assertThat(caches.stream().filter("HIT"::equals).count()).isLessThanOrEqualTo(8);
    }

    @Test
    void mailsUseTheConfiguredAddressWhateverTheProxyForwards() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        HttpResponse<String> answer = through("attacker.example", 443).post("/newsletter", "/newsletter",
                Map.of("email", "reader@example.org"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Await.awaitWithin(10_000, () -> smtp.getReceivedMessages().length == 1);
        String mail = OtherHostAndPortTest.decoded(smtp.getReceivedMessages()[0]);
        assertThat(mail).contains(BASE + "/newsletter/confirm/").doesNotContain("attacker.example");
    }

    @Test
    void theClientAddressIsTheRightMostOneTheProxyDidNotAddAndAForgedLeftPartChangesNothing() {
        for (int i = 1; i <= 4; i++) {
            // nginx appends the address it saw ($proxy_add_x_forwarded_for) to whatever the client claimed.
            Reader guesser = new Reader(port, "X-Forwarded-For", "10.9.9." + i + ", 203.0.113.7");
            guesser.post("/admin/login", "/admin/login", Map.of("username", "editor-y", "password", "guess-" + i));
            if (i == 4) {
                assertThat(guesser.page("/admin/login?error=1")).contains("登录尝试过于频繁");
            }
        }
        new Reader(port, "X-Forwarded-For", "203.0.113.8").post("/admin/login", "/admin/login",
                Map.of("username", "editor-y", "password", "other"));
        assertThat(jdbc.sql("SELECT throttle_key FROM login_throttle WHERE username = 'editor-y'").query(String.class)
                .list()).containsExactlyInAnyOrder("u|203.0.113.7|editor-y", "u|203.0.113.8|editor-y");

        List<Integer> first = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            first.add(new Reader(port, "X-Forwarded-For", "10.8.8." + i + ", 198.51.100.20").get("/api/v1/columns")
                    .statusCode());
        }
        assertThat(first).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(new Reader(port, "X-Forwarded-For", "198.51.100.21").get("/api/v1/columns").statusCode())
                .as("another client").isEqualTo(200);
    }

    /** Read twice (a page is kept from its second request), then served from the cache. */
    private static void cachedTwice(String path, Reader reader, String base) {
        reader.page(path);
        HttpResponse<String> kept = reader.get(path);
        assertThat(kept.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(kept.body()).contains("<link rel=\"canonical\" href=\"" + base + path + "\"");
        HttpResponse<String> again = reader.get(path);
        assertThat(again.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(again.body()).isEqualTo(kept.body());
    }
}
