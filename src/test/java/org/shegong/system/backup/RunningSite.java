package org.shegong.system.backup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shegong.ShegongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on a loopback port and a database of the test's choosing, as an operator starts it; and the
 * jar's command-line mode on the same settings. Every site gets the same public address, so pages compare byte
 * for byte, and counts stay in memory (flush once an hour) so reading pages changes no page.
 */
final class RunningSite implements AutoCloseable {

    static final String BASE_URL = "http://portal.example.org";

    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningSite(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static List<String> settings(Path dataDir, String url, String user, String password) {
        return new ArrayList<>(List.of("--shegong.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--shegong.site.base-url=" + BASE_URL, "--shegong.views.flush-interval=1h",
                "--shegong.demo-content=true"));
    }

    static RunningSite start(Path dataDir, String url, String user, String password) {
        List<String> args = settings(dataDir, url, user, password);
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        RunningSite site = new RunningSite(new SpringApplicationBuilder(ShegongApplication.class)
                .run(args.toArray(String[]::new)));
        site.awaitOutboxFollowed();
        return site;
    }

    /** Runs a command of the jar ({@code import FILE}, …) on the same settings; returns its exit code. */
    static int command(Path dataDir, String url, String user, String password, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(settings(dataDir, url, user, password));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShegongApplication.class)
                .web(WebApplicationType.NONE).profiles("cli").run(args.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }

    /** Every outbox consumer (listings, region tags, page cache, …) has followed every event. */
    void awaitOutboxFollowed() {
        awaitOutboxFollowed(jdbc);
    }

    static void awaitOutboxFollowed(JdbcClient jdbc) {
        org.shegong.system.outbox.OutboxFollowed.await(jdbc, null);
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        context.close();
    }
}
