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
    void anAddressThatIsNotHttpIsRefusedAtStart() {
        assertThatThrownBy(() -> new OpenSearchClient("127.0.0.1:9200")).isInstanceOf(IllegalArgumentException.class);
    }
}
