package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request id: taken from a sane X-Request-Id or made, in the MDC while handling, echoed in the response. */
class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    /** Runs the filter; returns the MDC value the handler saw. */
    private String handle(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) {
                seen.set(MDC.get(RequestIdFilter.MDC_KEY));
            }
        }));
        return seen.get();
    }

    @Test
    void aSaneIncomingIdIsKeptLoggedAndEchoed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("X-Request-Id", "7f3a9c2e5b814d6a9e0f1c2d3b4a5968");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(handle(request, response)).isEqualTo("7f3a9c2e5b814d6a9e0f1c2d3b4a5968");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("7f3a9c2e5b814d6a9e0f1c2d3b4a5968");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("nothing left on the thread after the request").isNull();
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByANewOne() throws Exception {
        for (String incoming : new String[] {null, "", "forged\nINFO 登录成功 admin", "x".repeat(65), "a b", "<script>"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            if (incoming != null) {
                request.addHeader("X-Request-Id", incoming);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            String id = handle(request, response);
            assertThat(id).as("for %s", incoming).matches("[0-9a-f]{32}");
            assertThat(response.getHeader("X-Request-Id")).isEqualTo(id);
        }
    }

    @Test
    void theErrorPageDispatchKeepsTheRequestsId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/missing");
        MockHttpServletResponse response = new MockHttpServletResponse();
        String first = handle(request, response);
        request.setDispatcherType(DispatcherType.ERROR);
        assertThat(handle(request, new MockHttpServletResponse())).isEqualTo(first);
    }

    @Test
    void anOuterValueOnTheThreadIsRestored() throws Exception {
        MDC.put(RequestIdFilter.MDC_KEY, "outer");
        try {
            handle(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse());
            assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isEqualTo("outer");
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }
}
