package org.shegong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shegong.system.web.PublicAddressCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Trust-proxy on, but the request comes from an address that is not a trusted proxy: its X-Forwarded-* headers
 * choose neither the links nor the client address, and the log says once — with the request's id — why they were
 * ignored.
 */
@OperationsSite
@ExtendWith(OutputCaptureExtension.class)
class UntrustedProxyTest {

    @LocalServerPort int port;
    @Autowired PublicAddressCheck check;

    @Test
    void forwardedHeadersFromAPeerThatIsNotATrustedProxyAreIgnoredAndTheLogSaysSo(CapturedOutput output) {
        Reader forger = new Reader(port, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Port", "443", "X-Forwarded-For", "198.51.100.1", "X-Request-Id", "untrusted-1");
        assertThat(forger.page("/robots.txt")).contains("Sitemap: https://www.example.org.cn/sitemap.xml")
                .doesNotContain("evil.example");
        assertThat(forger.page("/")).contains("<link rel=\"canonical\" href=\"https://www.example.org.cn/\"");
        assertThat(check.ignoredForwardingSeen()).contains("127.0.0.1");
        assertThat(output.getAll()).containsPattern("\\[untrusted-1] .*来自 127\\.0\\.0\\.1 的请求带有 X-Forwarded-\\* 头");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(new Reader(port, "X-Forwarded-For", "203.0.113." + i).get("/api/v1/columns").statusCode());
        }
        assertThat(statuses).as("every request counts against 127.0.0.1").containsExactly(200, 200, 200, 200, 200, 429);
    }
}
