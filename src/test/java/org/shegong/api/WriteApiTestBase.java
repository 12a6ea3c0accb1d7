package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.shegong.account.AccountService;
import org.shegong.account.Actors;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.api.token.CreateApiTokenAction;
import org.shegong.column.ColumnService;
import org.shegong.system.MutableClock;
import org.shegong.system.MutableClockConfig;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running server (real HTTP, H2, a movable clock) for the write API's tests, with people, tokens made through
 * the real action, and a client that checks every answer against the /v3/api-docs the same server publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:write-api;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false",
        "shegong.security.bcrypt-cost=4", "shegong.digest.enabled=false", "shegong.media.max-attachment=64KB",
        "shegong.api.requests-per-window=100000", "shegong.api.token-requests-per-window=60"})
@AutoConfigureMockMvc
@Import(MutableClockConfig.class)
abstract class WriteApiTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "pass-word-12345";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired Actors actors;
    @Autowired ColumnService columns;
    @Autowired CreateApiTokenAction createToken;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    static OpenApiContract contract;
    private static final java.util.concurrent.atomic.AtomicLong PEOPLE = new java.util.concurrent.atomic.AtomicLong();
    final List<String> violations = new ArrayList<>();
    long news;
    long policy;

    @DynamicPropertySource
    static void mediaDirectory(DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("shegong-write-api-media");
        registry.add("shegong.media.directory", dir::toString);
    }

    @BeforeEach
    void base() {
        clock.set(MutableClockConfig.START);
        news = columns.bySlug("news").orElseThrow().id();
        policy = columns.bySlug("policy").orElseThrow().id();
        if (contract == null) {
            contract = new OpenApiContract(ApiFixture.get(port, "/v3/api-docs").body());
        }
    }

    @AfterEach
    void everyAnswerWasAsDocumented() {
        clock.set(MutableClockConfig.START);
        assertThat(violations).isEmpty();
    }

    /** A staff member with these grants; returns the account id. */
    long person(String name, boolean administrator, Role role, long... columnIds) {
        String username = "w" + System.nanoTime() % 1_000_000_000_000L + "-" + PEOPLE.incrementAndGet();
        List<ColumnGrant> grants = Arrays.stream(columnIds).mapToObj(c -> new ColumnGrant(c, role)).toList();
        return accounts.create(username, name, PASSWORD, administrator, grants);
    }

    /** A token of the person's, made through the action the 访问令牌 page uses; returns its secret. */
    String token(long owner, Role role, long... columnIds) {
        LocalDate until = clock.instant().atZone(Times.CHINA).toLocalDate().plusDays(30);
        return createToken.create(actors.of(owner, "127.0.0.1"), "测试系统", role,
                Arrays.stream(columnIds).boxed().toList(), until).secret();
    }

    HttpResponse<String> call(String method, String path, String token, String contentType, byte[] body,
                              String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = ApiFixture.send(request.build());
        violations.addAll(contract.check(response));
        return response;
    }

    HttpResponse<String> json(String method, String path, String token, String body, String... headers) {
        return call(method, path, token, "application/json",
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + " → "
                + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static String draft(String title, String... columnSlugs) {
        return "{\"title\":\"" + title + "\",\"body_html\":\"<p>" + title + "的正文。</p><script>alert(1)</script>\","
                + "\"source\":\"某市民政局\",\"columns\":[" + String.join(",", Arrays.stream(columnSlugs)
                .map(s -> "\"" + s + "\"").toList()) + "],\"tags\":[\"社工站\"]}";
    }

    long created(HttpResponse<String> response) {
        return expect(response, 201).path("id").asLong();
    }

    int countTitled(String title) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE title = ?").param(title).query(Integer.class).single();
    }
}
