package org.shegong.site.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.content.ViewCounter;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rendered-page cache over real HTTP: validators and 304s, gzip, HEAD, what bypasses it, what it refuses to
 * store, and that outbox events make a change visible within a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:pagecache;DB_CLOSE_DELAY=-1",
                "shegong.outbox.poll-interval=100ms"})
class PageCacheTest {

    private static final AtomicInteger RENDERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    PageCache cache;

    @Autowired
    ArticleService articles;

    @Autowired
    ColumnService columns;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.shegong.system.NodeId node;

    @Autowired
    ViewCounter views;

    @Autowired
    OutboxRelay relay;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startCold() {
        cache.evictAll();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private long publish(String title, String... slugs) {
        long id = publishLeavingEventsToTheRelay(title, slugs);
        relay.drain(); // so that its own event does not evict pages in the middle of a test
        // nor the region tags announced after it (REGIONS_CHANGED evicts the article's page): seen on a faster
        // machine, where the tagger's event came between a test's first and second request.
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, node.value());
        return id;
    }

    /** Saved as the importer saves; only the scheduled relay (every 100 ms here) tells the cache. */
    private long publishLeavingEventsToTheRelay(String title, String... slugs) {
        List<Long> columnIds = java.util.Arrays.stream(slugs).map(s -> columns.bySlug(s).orElseThrow().id()).toList();
        ArticleInput input = new ArticleInput("cache-" + title, title, null, null, "<p>" + title + "的正文。</p>",
                "民政部", null, null, Kind.NEWS, false, columnIds, List.of(), "辽宁", Instant.now(),
                ArticleStatus.LIVE);
        return transactions.execute(s -> articles.save(input)).id();
    }

    @Test
    void aPageKeptFromItsSecondRequestIsServedFromTheCacheWithValidatorsSecurityHeadersAndACountedView()
            throws Exception {
        long id = publish("缓存命中测试", "news");
        HttpResponse<byte[]> first = get("/article/" + id);
        HttpResponse<byte[]> kept = get("/article/" + id);
        HttpResponse<byte[]> second = get("/article/" + id);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-Cache")).isEqualTo("MISS");
        assertThat(header(kept, "X-Cache")).isEqualTo("MISS");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        assertThat(second.body()).as("the kept rendering (the first showed one view fewer)").isEqualTo(kept.body());
        assertThat(header(first, "ETag")).as("a page not kept has validators too").matches("\"[0-9a-z]+-[0-9a-z]+\"");
        assertThat(header(first, "Last-Modified")).isNotNull();
        for (String name : List.of("Cache-Control", "Vary", "Content-Security-Policy")) {
            assertThat(header(first, name)).as("a page not kept goes out as a kept one: " + name).isNotNull()
                    .isEqualTo(header(kept, name));
        }
        assertThat(header(second, "ETag")).isEqualTo(header(kept, "ETag"));
        assertThat(header(first, "Content-Length")).isEqualTo(String.valueOf(first.body().length));
        assertThat(text(second)).contains("缓存命中测试");
        assertThat(header(second, "ETag")).matches("\"[0-9a-z]+-[0-9a-z]+\"");
        assertThat(header(second, "Last-Modified")).isNotNull();
        assertThat(header(second, "Cache-Control")).contains("public", "s-maxage");
        assertThat(header(second, "Content-Type")).startsWith("text/html");
        assertThat(header(second, "Content-Security-Policy")).contains("default-src 'self'");
        assertThat(header(second, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(views.pending(id)).as("the hit counts as a view").isEqualTo(3);
    }

    @Test
    void aPageReadOnceIsRenderedAndNotKeptSoOneOffPagesDoNotFillTheCache() throws Exception {
        int before = RENDERS.get();
        HttpResponse<byte[]> once = get("/column/counted");
        assertThat(once.statusCode()).isEqualTo(200);
        assertThat(header(once, "Cache-Control")).as("still cacheable by browsers and a CDN").contains("public");
        assertThat(cache.size()).as("nothing kept").isZero();
        get("/column/counted");
        get("/column/counted");
        get("/column/counted");
        assertThat(RENDERS.get() - before).as("rendered for the first two requests only").isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);

        cache.evict("/column/counted");
        get("/column/counted");
        assertThat(header(get("/column/counted"), "X-Cache")).as("a page asked for before is kept at once after an "
                + "eviction").isEqualTo("HIT");
        assertThat(RENDERS.get() - before).isEqualTo(3);
    }

    @Test
    void theSiteSaysItsPagesAreChineseWhateverTheFirstReadersBrowserAsked() throws Exception {
        // A page said the language the reader's browser asked for (curl, with none, got the JVM's "en-US"), and a
        // hit said none: Tomcat keeps Content-Language apart from the headers the cache copies.
        long id = publish("语言标头测试", "news");
        HttpResponse<byte[]> first = get("/article/" + id, "Accept-Language", "en-US,en;q=0.9");
        get("/article/" + id, "Accept-Language", "en-US,en;q=0.9"); // kept from its second request
        HttpResponse<byte[]> second = get("/article/" + id);
        HttpResponse<byte[]> uncached = get("/article/" + id, "Cookie", "JSESSIONID=x", "Accept-Language", "fr");

        assertThat(header(first, "X-Cache")).isEqualTo("MISS");
        assertThat(header(second, "X-Cache")).isEqualTo("HIT");
        for (HttpResponse<byte[]> response : List.of(first, second, uncached)) {
            assertThat(header(response, "Content-Language")).isEqualTo("zh-CN");
        }
    }

    @Test
    void conditionalRequestsGet304() throws Exception {
        HttpResponse<byte[]> page = get("/column/news");
        String etag = header(page, "ETag");
        String lastModified = header(page, "Last-Modified");

        HttpResponse<byte[]> byTag = get("/column/news", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);
        assertThat(get("/column/news", "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("/column/news", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/column/news", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
                .as("If-None-Match wins").isEqualTo(200);
        assertThat(get("/column/news", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedToClientsThatAcceptItUnderItsOwnEtag() throws Exception {
        HttpResponse<byte[]> plain = get("/");
        HttpResponse<byte[]> zipped = get("/", "Accept-Encoding", "gzip, deflate");
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(zipped, "Vary")).contains("Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(header(zipped, "ETag")).isNotEqualTo(header(plain, "ETag"));
        assertThat(get("/", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(get("/", "Accept-Encoding", "gzip", "If-None-Match", header(zipped, "ETag")).statusCode())
                .isEqualTo(304);
    }

    @Test
    void headWorksOnAMissAndOnAHitAndStoresTheWholePage() throws Exception {
        HttpResponse<byte[]> headMiss = send("HEAD", "/column/policy");
        assertThat(headMiss.statusCode()).isEqualTo(200);
        assertThat(headMiss.body()).isEmpty();
        assertThat(header(send("HEAD", "/column/policy"), "X-Cache")).as("kept from its second request")
                .isEqualTo("MISS");
        HttpResponse<byte[]> headHit = send("HEAD", "/column/policy");
        assertThat(header(headHit, "X-Cache")).isEqualTo("HIT");
        HttpResponse<byte[]> get = get("/column/policy");
        assertThat(header(get, "X-Cache")).isEqualTo("HIT");
        assertThat(text(get)).contains("政策法规", "</html>");
        assertThat(header(headHit, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
    }

    @Test
    void requestsThatCouldBePersonalBypassTheCache() throws Exception {
        long id = publish("原标题", "news");
        get("/article/" + id);
        get("/article/" + id); // kept from its second request
        // Changed behind the outbox's back: only a request that bypasses the cache can see it.
        jdbc.sql("UPDATE article SET title = '编辑看到的新标题' WHERE id = ?").param(id).update();
        assertThat(text(get("/article/" + id))).contains("原标题");

        for (String[] personal : List.of(new String[] {"Cookie", "JSESSIONID=abc"},
                new String[] {"Cookie", "remember-me=x; _ga=GA1"}, new String[] {"Authorization", "Basic eDp5"})) {
            HttpResponse<byte[]> response = get("/article/" + id, personal);
            assertThat(text(response)).contains("编辑看到的新标题");
            assertThat(header(response, "X-Cache")).isNull();
        }
        assertThat(text(get("/article/" + id + "?utm=1"))).contains("编辑看到的新标题");
        assertThat(header(get("/article/" + id, "Cookie", "_ga=GA1.2; Hm_lvt_abc=1"), "X-Cache"))
                .as("analytics cookies are not personal").isEqualTo("HIT");
        assertThat(text(get("/article/" + id))).as("a bypassing request stored nothing").contains("原标题");
    }

    @Test
    void responsesThatSetACookieCreateASessionOrAreNotPagesAreNeverStored() throws Exception {
        int before = RENDERS.get();
        HttpResponse<byte[]> cookie = get("/column/sets-cookie");
        get("/column/sets-cookie");
        assertThat(cookie.headers().allValues("Set-Cookie")).isNotEmpty();
        get("/column/makes-session");
        HttpResponse<byte[]> session = get("/column/makes-session");
        assertThat(RENDERS.get() - before).as("every request rendered").isEqualTo(4);
        assertThat(header(session, "Cache-Control")).contains("no-store");

        HttpResponse<byte[]> missing = get("/article/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Cache-Control")).contains("no-store");
        // The error page is a jte page handed to the cache's buffer whole; not stored, it still goes out whole.
        assertThat(text(missing)).contains("错误代码 404", "返回首页", "</footer>");
        assertThat(header(missing, "Content-Length")).isEqualTo(String.valueOf(missing.body().length));
        assertThat(header(get("/article/999999999"), "X-Cache")).isEqualTo("MISS");
        assertThat(get("/column/news/page/99999").statusCode()).isEqualTo(404);
    }


    @Test
    void publishingWithdrawingAndUpdatingShowWithinASecond() throws Exception {
        // The promise is for a running site: first let every consumer follow what is already queued (the first
        // start's demo import: a few hundred events, each then tagged with its regions), then time the changes.
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, node.value());
        long older = publish("较早的稿件", "news");
        for (int i = 0; i < 2; i++) { // kept from the second request
            get("/");
            get("/column/news");
            get("/article/" + older);
        }
        assertThat(header(get("/column/news"), "X-Cache")).isEqualTo("HIT");

        long id = publishLeavingEventsToTheRelay("缓存失效测试：新发布的稿件", "news", "research");
        awaitWithinASecond("/", page -> page.contains("缓存失效测试：新发布的稿件"));
        awaitWithinASecond("/column/news", page -> page.contains("缓存失效测试：新发布的稿件"));
        awaitWithinASecond("/column/research", page -> page.contains("缓存失效测试：新发布的稿件"));
        awaitWithinASecond("/article/" + older, page -> page.contains("/article/" + id));

        get("/article/" + id);
        ArticleInput changed = new ArticleInput("cache-缓存失效测试：新发布的稿件", "缓存失效测试：改过的标题", null, null,
                "<p>改过的正文。</p>", "民政部", null, null, Kind.NEWS, false,
                List.of(columns.bySlug("news").orElseThrow().id()), List.of(), "辽宁", Instant.now(),
                ArticleStatus.LIVE);
        transactions.execute(s -> articles.save(changed));
        awaitWithinASecond("/article/" + id, page -> page.contains("改过的正文"));
        awaitWithinASecond("/column/research", page -> !page.contains("缓存失效测试"));
        awaitWithinASecond("/column/news", page -> page.contains("缓存失效测试：改过的标题"));

        transactions.execute(s -> articles.withdraw(id));
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (get("/article/" + id).statusCode() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(get("/article/" + id).statusCode()).isEqualTo(404);
        awaitWithinASecond("/column/news", page -> !page.contains("缓存失效测试"));
        awaitWithinASecond("/", page -> !page.contains("缓存失效测试"));
    }

    private void awaitWithinASecond(String path, java.util.function.Predicate<String> fresh) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        String page = text(get(path));
        while (!fresh.test(page) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            page = text(get(path));
        }
        assertThat(fresh.test(page)).as("%s fresh within a second", path).isTrue();
    }

    /** Pages at cacheable paths that misbehave: the cache must notice and store neither. */
    @TestConfiguration
    static class MisbehavingPages {

        /** Registered as a member of this test configuration only, never by the application's scan. */
        @RestController
        static class Controller {

            @GetMapping(value = "/column/counted", produces = "text/html;charset=UTF-8")
            String counted() {
                RENDERS.incrementAndGet();
                return "<html><body>counted</body></html>";
            }

            @GetMapping(value = "/column/sets-cookie", produces = "text/html;charset=UTF-8")
            String setsCookie(HttpServletResponse response) {
                RENDERS.incrementAndGet();
                response.addCookie(new Cookie("tracking", "1"));
                return "<html><body>cookie</body></html>";
            }

            @GetMapping(value = "/column/makes-session", produces = "text/html;charset=UTF-8")
            String makesSession(HttpServletRequest request) throws IOException {
                RENDERS.incrementAndGet();
                request.getSession(true).setAttribute("user", "editor");
                return "<html><body>session</body></html>";
            }
        }
    }
}
