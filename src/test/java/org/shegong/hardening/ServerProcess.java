package org.shegong.hardening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real application in a process of its own, on a free loopback port: started from the compiled classes and
 * the runtime libraries of this test run (the jar is packaged only after the tests), driven over HTTP like a
 * browser (cookies, CSRF token from the forms), and killed with SIGKILL.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();
    private final HttpClient http;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Thread reader = new Thread(this::readOutput, "server-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the application with the given Spring settings (name=value) added to its command line. */
    static ServerProcess start(Path dataDir, List<String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-cp", runtimeClasspath(), "org.shegong.ShegongApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--shegong.data-dir=" + dataDir,
                "--shegong.site.base-url=http://127.0.0.1:" + port, "--logging.level.org.shegong=INFO"));
        settings.forEach(s -> command.add("--" + s));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ServerProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes and libraries of the application, without the test classes and their settings. */
    private static String runtimeClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // The process was killed.
        }
    }

    String output() {
        return output.toString();
    }

    /** Waits until the log matches, and returns the first group (or the whole match). */
    String awaitLog(Pattern pattern, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Matcher matcher = pattern.matcher(output);
            if (matcher.find()) {
                return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server ended:\n" + output);
            }
            sleep(20);
        }
        throw new IllegalStateException("Not in the log after " + timeout + ": " + pattern + "\n" + output);
    }

    /** Waits until the server answers HTTP. */
    void awaitUp(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server ended:\n" + output);
            }
            try {
                get("/robots.txt");
                return;
            } catch (UncheckedIOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("The server did not answer within " + timeout + "\n" + output);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A form post with the CSRF token read from the page at {@code formPage}. */
    HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on " + formPage);
        }
        StringBuilder form = new StringBuilder("_csrf=" + encode(token.group(1)));
        fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    void logIn(String username, String password) {
        HttpResponse<String> answer = post("/admin/login", "/admin/login", Map.of("username", username, "password", password));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login failed: " + answer.statusCode() + " " + location + "\n" + output);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** SIGKILL on Linux: no shutdown hook, no orderly close of the database. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
