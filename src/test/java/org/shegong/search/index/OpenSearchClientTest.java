package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shegong.system.web.Refusal;

/** The client's answers to what goes wrong: a cluster away is a 503 for the reader, a bad request stays an error. */
class OpenSearchClientTest {

    @Test
    void aClusterThatIsAwayIsAServiceUnavailableRefusalInChinese() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        try (OpenSearchClient client = new OpenSearchClient("http://127.0.0.1:" + closed)) {
            assertThatThrownBy(() -> client.send("POST", "/any/_search", Map.of("size", 0)))
                    .isInstanceOfSatisfying(Refusal.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).isEqualTo("搜索服务暂时不可用，请稍后再试");
                    });
        }
    }

    @Test
    void aRequestTheClusterRejectsIsAFailureWithItsStatus() {
        try (OpenSearchClient client = OpenSearchNode.client()) {
            assertThatThrownBy(() -> client.send("POST", "/no-such-index/_search", Map.of("size", 0)))
                    .isInstanceOfSatisfying(OpenSearchClient.Failure.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void aUserIsSentAsBasicAuthenticationFromTheSettingsOrTheAddress() throws Exception {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String address = "127.0.0.1:" + server.getAddress().getPort();
            try (OpenSearchClient client = new OpenSearchClient("http://" + address, "shegong", "密码:1")) {
                client.send("GET", "/", null);
            }
            try (OpenSearchClient client = new OpenSearchClient("http://reader:pw@" + address)) {
                client.send("GET", "/", null);
            }
            try (OpenSearchClient client = new OpenSearchClient("http://" + address)) {
                client.send("GET", "/", null);
            }
        } finally {
            server.stop(0);
        }
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        assertThat(seen).containsExactly(
                "Basic " + base64.encodeToString("shegong:密码:1".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "Basic " + base64.encodeToString("reader:pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "null");
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedAtStart() {
        assertThatThrownBy(() -> new OpenSearchClient("127.0.0.1:9200")).isInstanceOf(IllegalArgumentException.class);
    }
}
