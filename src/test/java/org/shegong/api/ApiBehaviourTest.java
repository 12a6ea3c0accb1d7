package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.region.RegionTagging;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's HTTP behaviour over a real server: keyset pages that neither skip nor repeat (also when a region drives
 * the walk and when articles arrive between pages), ETag and 304, Cache-Control, no session, no CSRF, CORS for a
 * configured origin, problem details for unknown paths, wrong methods and malformed URLs, Swagger UI from the jar
 * and the footer's 开放数据 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-behaviour;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.digest.enabled=false",
        "shegong.api.cors-origins=https://app.example.org"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBehaviourTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PLACES = {"沈阳市浑南区", "大连市", "南京市", "北京市朝阳区"};

    @LocalServerPort int port;
    @Autowired ArticleService articles;
    @Autowired ColumnService columns;
    @Autowired RegionTagging regions;

    private long lastId;

    @BeforeAll
    void articles() throws InterruptedException {
        long news = columns.bySlug("news").orElseThrow().id();
        long policy = columns.bySlug("policy").orElseThrow().id();
        Instant base = Instant.parse("2021-08-01T02:00:00Z");
        for (int i = 0; i < 45; i++) {
            // Every third article shares its time with the one before: the cursor must break the tie by id.
            Instant at = base.plus(Duration.ofHours(i - (i % 3 == 2 ? 1 : 0)));
            lastId = articles.save(ArticleInput.builder(PLACES[i % 4] + "社工站第" + i + "期活动",
                            i % 5 == 0 ? List.of(policy, news) : List.of(news))
                    .externalId("behaviour-" + i).summary("第" + i + "期").kind(i % 2 == 0 ? Kind.NEWS : Kind.NOTICE)
                    .publishedAt(at).status(ArticleStatus.LIVE).build()).id();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (regions.of(lastId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) {
        return ApiFixture.get(port, pathAndQuery, headers);
    }

    private List<Long> walk(String query, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = JSON.readTree(get("/api/v1/articles?limit=" + limit + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
            if (page.path("next_cursor").isNull()) {
                return ids;
            }
            cursor = page.path("next_cursor").asString();
        }
        throw new AssertionError("more than 100 pages");
    }

    private List<Long> all(String query) {
        List<Long> ids = new ArrayList<>();
        JSON.readTree(get("/api/v1/articles?limit=100" + query).body()).path("items")
                .forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Test
    void cursorPagesNeitherSkipNorRepeat() {
        for (String query : List.of("", "&column=news", "&column=policy", "&kind=notice", "&region=210000",
                "&region=210112&kind=news", "&from=2021-08-02&to=2021-08-02")) {
            List<Long> everything = all(query);
            assertThat(everything).as(query).isNotEmpty();
            for (int limit : new int[] {1, 4, 7}) {
                assertThat(walk(query, limit)).as(query + " by " + limit).containsExactlyElementsOf(everything);
            }
        }
        assertThat(all("&region=210000")).hasSize(23); // 沈阳 and 大连 are in 辽宁
        assertThat(all("&column=policy").stream().filter(id -> id <= lastId)).hasSize(9); // another test adds one
    }

    @Test
    void anArticlePublishedBetweenPagesDoesNotShiftTheNextPage() {
        JsonNode first = JSON.readTree(get("/api/v1/articles?limit=5&column=policy").body());
        long policy = columns.bySlug("policy").orElseThrow().id();
        articles.save(ArticleInput.builder("新发布的政策解读", List.of(policy)).externalId("behaviour-new")
                .publishedAt(Instant.parse("2021-09-01T02:00:00Z")).status(ArticleStatus.LIVE).build());
        JsonNode second = JSON.readTree(get("/api/v1/articles?limit=5&column=policy&cursor="
                + first.path("next_cursor").asString()).body());
        List<Long> seen = new ArrayList<>();
        first.path("items").forEach(i -> seen.add(i.path("id").asLong()));
        second.path("items").forEach(i -> seen.add(i.path("id").asLong()));
        assertThat(seen).doesNotHaveDuplicates().hasSize(9);
    }

    @Test
    void etagsAnswer304AndCachingFollowsThePages() {
        HttpResponse<String> first = get("/api/v1/columns");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(
                "public, max-age=30, s-maxage=60, stale-while-revalidate=30");
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        HttpResponse<String> again = get("/api/v1/columns", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/api/v1/articles?limit=3", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void noSessionNoCsrfNoLogin() {
        HttpResponse<String> read = get("/api/v1/articles", "Cookie", "JSESSIONID=forged");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
        // A POST without a CSRF token is refused for what it is (no write API), not as a stale back-office form.
        HttpResponse<String> post = ApiFixture.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/articles")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(post.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(JSON.readTree(post.body()).path("title_en").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void corsOnlyForTheConfiguredOrigin() {
        HttpResponse<String> allowed = get("/api/v1/columns", "Origin", "https://app.example.org");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> other = get("/api/v1/columns", "Origin", "https://evil.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = ApiFixture.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
    }

    @Test
    void failuresOutsideTheHandlersAreProblemDetailsToo() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.path("title").asString()).isEqualTo("没有找到所请求的内容");
        assertThat(problem.path("title_en").asString()).isEqualTo("Not Found");
        String malformed = raw("GET /api/v1/search?q=%E4%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(malformed).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"title_en\"");
        String html = raw("GET /api/v1/articles HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(html).startsWith("HTTP/1.1 406").contains("application/problem+json");
    }

    @Test
    void swaggerUiComesFromTheJarAndTheFooterLinksTheOpenDataPage() {
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js").doesNotContain("//cdn", "unpkg", "jsdelivr");
        assertThat(get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
        assertThat(get("/").body()).contains("<a href=\"/page/open-data\">开放数据</a>");
        HttpResponse<String> page = get("/page/open-data");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>开放数据</h1>", "/swagger-ui.html", "/v3/api-docs", "next_cursor");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
