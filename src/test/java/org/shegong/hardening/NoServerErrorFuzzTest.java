package org.shegong.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.shegong.ShegongApplication;
import org.shegong.account.AccountService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever a client sends, the answer is never a 5xx: every route the application maps (public and back office,
 * logged in as an administrator) with malformed percent-encodings, non-UTF-8 bytes, huge and negative numbers,
 * odd Accept headers and repeated parameters, sent byte for byte over a socket to the real server (Tomcat's own
 * decoding included; a Java HTTP client would refuse to send most of them).
 */
class NoServerErrorFuzzTest {

    private static final List<String> VALUES = List.of("1", "0", "-1", "2147483648", "99999999999999999999", "abc",
            "%zz", "%", "%C0", "%C0%AF", "%00", "%0A", "%E4%B8%AD", "中文", "", "1e9", "true", "maybe", "null", "+",
            "%25", "..%2f", "'", "\"><script>", "2026-13-45T99:99", "news", "NEWS", "LIVE", "%FF%FE", "a%20b");
    private static final List<String> NAMES = List.of("page", "q", "base", "primaryColumn", "featured", "column",
            "status", "user", "article", "from", "to", "kind", "done", "error", "title", "body", "slug", "name",
            "publishedAt", "expireAt", "goLiveAt", "extraColumns", "role", "enabled", "words", "word", "email",
            "override", "comment", "sort", "number", "levels", "parent", "%zz", "");
    private static final List<String> ACCEPTS = List.of("text/html", "application/json", "text/plain", "*/*",
            "image/png", "application/xml", "garbage/;;", "text/html;q=abc", "", "application/rss+xml");
    /** Routes that would end the fuzzing session. */
    private static final Pattern SKIPPED = Pattern.compile("/admin/logout|/admin/password");

    private static ConfigurableApplicationContext app;
    private static int port;
    private static String cookie;
    private static String csrf;
    private static List<Route> routes;

    record Route(String method, String pattern) {
    }

    record Attempt(Route route, List<String> pathValues, List<Map.Entry<String, String>> parameters, String accept) {
    }

    @BeforeContainer
    static void start() throws Exception {
        // Arguments, not default properties: those lose to application.properties (server.port=8080).
        app = new SpringApplicationBuilder(ShegongApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1");
        port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        app.getBean(AccountService.class).create("fuzzadmin", "模糊测试", "fuzz-admin-password-7", true, List.of());
        logIn(app.getEnvironment());
        routes = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(info -> {
                    List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                            : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
                    for (String pattern : info.getPatternValues()) {
                        if (!SKIPPED.matcher(pattern).matches()) {
                            methods.forEach(method -> routes.add(new Route(method, pattern)));
                        }
                    }
                });
        assertThat(routes).hasSizeGreaterThan(40);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void logIn(Environment environment) throws IOException {
        Response login = send("GET", "/admin/login", "", null, "text/html");
        cookie = login.cookie();
        csrf = login.csrf();
        Response answer = send("POST", "/admin/login", "", "username=fuzzadmin&password=fuzz-admin-password-7&_csrf="
                + csrf, "text/html");
        assertThat(answer.status()).isEqualTo(302);
        cookie = answer.cookie() == null ? cookie : answer.cookie();
        csrf = send("GET", "/admin/articles/new", "", null, "text/html").csrf();
        assertThat(csrf).isNotNull();
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<Route> route = Arbitraries.of(routes);
        Arbitrary<List<String>> pathValues = Arbitraries.of(VALUES).list().ofSize(4);
        Arbitrary<Map.Entry<String, String>> parameter = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(VALUES))
                .as(Map::entry);
        Arbitrary<List<Map.Entry<String, String>>> parameters = parameter.list().ofMaxSize(5);
        return Combinators.combine(route, pathValues, parameters, Arbitraries.of(ACCEPTS)).as(Attempt::new);
    }

    @Property(tries = 400, seed = "20261202")
    void noRouteAnswersA5xx(@ForAll("attempts") Attempt attempt) throws IOException {
        StringBuilder path = new StringBuilder();
        Matcher variable = Pattern.compile("\\{[^}]*}").matcher(attempt.route().pattern());
        int i = 0;
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(attempt.pathValues().get(i++ % 4)));
        }
        variable.appendTail(path);
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : attempt.parameters()) {
            query.append(query.isEmpty() ? "" : "&").append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        boolean post = attempt.route().method().equals(HttpMethod.POST.name());
        String body = post ? query + (query.isEmpty() ? "" : "&") + "_csrf=" + csrf : null;
        Response response = send(attempt.route().method(), path.toString(), post ? "" : query.toString(), body,
                attempt.accept());
        assertThat(response.status()).as(attempt.route().method() + " " + path + "?" + query + " Accept: "
                + attempt.accept()).isLessThan(500);
    }

    /** Checking the parameters early must not decode a form before the request knows it is UTF-8. */
    @Example
    void chineseFormValuesArriveIntact() throws IOException {
        String word = "模糊测试敏感词";
        send("POST", "/admin/sensitive-words", "", "words=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf, "text/html");
        assertThat(send("GET", "/admin/sensitive-words", "", null, "text/html").text()).contains(word);
    }

    /** Issue 11: the Host header was echoed into absolute Location headers. */
    @Example
    void noRedirectEchoesTheHostHeader() throws IOException {
        String evil = "evil.example:666";
        List<Response> redirects = List.of(
                send("GET", "/admin", "", null, "text/html", evil, null),
                send("GET", "/admin/articles", "", null, "text/html", evil, null),
                send("POST", "/admin/login", "", "username=fuzzadmin&password=wrong-password-1&_csrf=" + csrf,
                        "text/html", evil, cookie),
                send("POST", "/admin/articles/999999/submit", "", "_csrf=" + csrf, "text/html", evil, cookie),
                send("GET", "/admin/columns/", "", null, "text/html", evil, cookie),
                send("GET", "/css", "", null, "text/html", evil, cookie));
        assertThat(redirects).extracting(Response::location).filteredOn(location -> location != null)
                .isNotEmpty().allSatisfy(location -> assertThat(location).startsWith("/").doesNotContain("evil"));
    }

    record Response(int status, String cookie, String csrf, String location, String text) {
    }

    /** One request written byte for byte: Tomcat sees exactly what a hostile client would send. */
    private static Response send(String method, String path, String query, String body, String accept)
            throws IOException {
        return send(method, path, query, body, accept, "127.0.0.1:" + port, cookie);
    }

    private static Response send(String method, String path, String query, String body, String accept, String host,
                                 String cookie) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method).append(' ').append(path.isEmpty() ? "/" : path)
                    .append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nConnection: close\r\n");
            if (!accept.isEmpty()) {
                request.append("Accept: ").append(accept).append("\r\n");
            }
            if (cookie != null) {
                request.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String setCookie = null;
            String location = null;
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.regionMatches(true, 0, "Set-Cookie: JSESSIONID=", 0, 23)) {
                    setCookie = line.substring(12).split(";")[0];
                }
                if (line.regionMatches(true, 0, "Location: ", 0, 10)) {
                    location = line.substring(10).strip();
                }
                rest.append(line).append('\n');
            }
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(rest);
            return new Response(status, setCookie, token.find() ? token.group(1) : null, location,
                    rest.toString());
        }
    }
}
