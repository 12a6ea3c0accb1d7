package org.shegong.search.index;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node in a JVM of its own (started by {@link OpenSearchNode}): the server's own classes,
 * logging and Lucene version stay out of the tests' JVM. It stops when its standard input closes, so it never
 * outlives the tests that started it, even when they are killed.
 */
public final class OpenSearchNodeMain {

    private OpenSearchNodeMain() {
    }

    /** {@code args}: data directory, HTTP port, transport port. */
    public static void main(String[] args) throws Exception {
        String http = args[1];
        String transport = args[2];
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(Integer.parseInt(http)); // its default ceiling is 9299
        runner.onBuild((index, settings) -> {
            settings.put("http.port", http);
            settings.put("transport.port", transport);
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", false);
        });
        runner.build(OpenSearchRunner.newConfigs().basePath(args[0]).numOfNode(1).clusterName("shegong-test")
                .baseHttpPort(Integer.parseInt(http) - 1).printOnFailure());
        System.out.println("OpenSearch node started on " + http);
        while (System.in.read() >= 0) {
            // the tests' JVM keeps the pipe open while it lives
        }
        runner.close();
        runner.clean();
        System.exit(0);
    }
}
