package org.shegong;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.account.AccountService;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database, as an operator runs them behind a load balancer (ADR 0055, 0056), on
 * H2 (one in-memory store shared in this JVM), PostgreSQL and MariaDB: a login made on one node holds on the
 * other and after that node restarts; an article published on one is on the other's pages, listing and search
 * (and its region tags, written by whichever node tagged it). Timings are only bounded generously here: the
 * cluster test (.ci/cluster-test.sh) measures the lag through nginx.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class TwoNodesTest {

    static final String PASSWORD = "pass-word-12345";
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @Parameter
    DatabaseTarget target;

    @TempDir
    Path dir;

    TestDatabase.Scratch db;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startTwoNodes() {
        db = TestDatabase.scratch(target);
        a = start("a");
        b = start("b");
    }

    @AfterEach
    void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        db.close();
    }

    @Test
    void aLoginOnOneNodeHoldsOnTheOtherAndAfterThatNodeRestarts() throws Exception {
        a.getBean(AccountService.class).create("zhang", "张编辑", PASSWORD, false, List.of());

        // A wrong password first: the message the login page shows travels in the session, to the other node.
        assertThat(login(a, "zhang", "wrong-password-1").headers().firstValue("Location")).hasValue("/admin/login?error=1");
        assertThat(text(get(b, "/admin/login?error=1"))).contains("用户名或密码错误");
        // Spring Security's exception carries the attempted login; only its message may be stored.
        assertThat(jdbc(a).sql("SELECT attribute_bytes FROM SPRING_SESSION_ATTRIBUTES").query(byte[].class).list())
                .isNotEmpty().noneSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .contains("wrong-password-1"));

        HttpResponse<byte[]> loggedIn = login(a, "zhang", PASSWORD);
        assertThat(loggedIn.headers().firstValue("Location")).hasValue("/admin");
        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
        assertThat(text(get(a, "/admin"))).contains("张编辑");
        HttpResponse<byte[]> onB = get(b, "/admin");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(text(onB)).contains("张编辑", "工作台");
        assertThat(jdbc(a).sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE principal_name = 'zhang'")
                .query(Long.class).single()).isEqualTo(1);

        b.close();
        b = start("b");
        assertThat(text(get(b, "/admin"))).as("the session outlives the node that served it").contains("张编辑");

        // Logging out on one node ends the session everywhere.
        String token = csrf(text(get(b, "/admin")));
        assertThat(post(b, "/admin/logout", "_csrf=" + token).statusCode()).isEqualTo(302);
        assertThat(get(a, "/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void anArticlePublishedOnOneNodeIsOnTheOthersPagesListingAndSearch() throws Exception {
        String column = "/column/news";
        get(b, column);
        get(b, column); // kept from its second request
        assertThat(get(b, column).headers().firstValue("X-Cache")).as("cached on B before the publish").hasValue("HIT");

        long id = publish(a, "两节点同步测试稿件", "辽宁省大连市社工站开展两节点同步测试。");
        String page = await(() -> text(get(b, "/article/" + id)), p -> p.contains("两节点同步测试稿件"));
        await(() -> text(get(b, column)), p -> p.contains("两节点同步测试稿件"));
        await(() -> text(get(b, "/search?q=" + URLEncoder.encode("两节点同步测试", StandardCharsets.UTF_8))),
                p -> p.contains("/article/" + id));
        // The tags are written by one node (whichever held region tagging) after the article's own event; the
        // other node's cached page is evicted again when they are.
        await(() -> text(get(b, "/article/" + id)), p -> p.contains("大连"));
        await(() -> text(get(a, "/article/" + id)), p -> p.contains("大连"));
        assertThat(page).contains("两节点同步测试稿件");
        assertThat(jdbc(a).sql("SELECT COUNT(*) FROM article_region WHERE article_id = ?").param(id)
                .query(Long.class).single()).as("tagged once, not once per node").isPositive();
        assertThat(jdbc(a).sql("SELECT name FROM outbox_consumer WHERE name LIKE 'search-index@%' ORDER BY name")
                .query(String.class).list()).containsExactly("search-index@a", "search-index@b");
    }

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(ShegongApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--shegong.data-dir=" + dir.resolve(node), "--shegong.node.id=" + node,
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--shegong.demo-content=false",
                "--shegong.site.base-url=http://portal.example.org");
    }

    private long publish(ConfigurableApplicationContext node, String title, String body) {
        long news = node.getBean(ColumnService.class).bySlug("news").orElseThrow().id();
        ArticleInput input = new ArticleInput("two-nodes-" + title.hashCode(), title, null, null,
                "<p>" + body + "</p>", "民政部", null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                Instant.now(), ArticleStatus.LIVE);
        return node.getBean(TransactionTemplate.class)
                .execute(s -> node.getBean(ArticleService.class).save(input)).id();
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    private HttpResponse<byte[]> login(ConfigurableApplicationContext node, String user, String password)
            throws Exception {
        String token = csrf(text(get(node, "/admin/login")));
        return post(node, "/admin/login", "username=" + user + "&password=" + password + "&_csrf=" + token);
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(ConfigurableApplicationContext node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(ConfigurableApplicationContext node, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private interface Page {
        String read() throws Exception;
    }

    private static String await(Page page, Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = page.read();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + DEADLINE + ": " + (last == null ? "" : last.substring(0,
                Math.min(last.length(), 2_000))));
    }
}
