package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.shegong.system.web.AddressRateLimiter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-address limit on a movable clock: the limit, other addresses, the window's end, the 429's content. */
class ApiRateLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicLong nanos = new AtomicLong();
    private final ApiRateLimit filter = new ApiRateLimit(
            new AddressRateLimiter(3, Duration.ofMinutes(1), nanos::get), JSON);

    private MockHttpServletResponse request(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anAddressGetsItsLimitPerWindowAndNoMore() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(request("10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = request("10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.path("title").asString()).isEqualTo("请求过于频繁");
        assertThat(problem.path("title_en").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("code").asString()).isEqualTo("too-many-requests");
        assertThat(problem.path("detail").asString()).contains("60 秒", "3 次");

        assertThat(request("10.0.0.2").getStatus()).as("another address").isEqualTo(200);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(request("10.0.0.1").getStatus()).as("same window").isEqualTo(429);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(request("10.0.0.1").getStatus()).as("next window").isEqualTo(200);
    }
}
