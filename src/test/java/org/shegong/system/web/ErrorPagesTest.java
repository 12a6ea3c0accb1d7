package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The error controller's JSON answer, as the container's error dispatch reaches it after a JSON endpoint failed. */
class ErrorPagesTest {

    // The JSON branch never draws the page's chrome.
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ErrorPages(null)).build();

    /**
     * The same bytes on every node and after every restart: status first, then the Chinese message (a {@code Map.of}
     * body passed here on about half of the JVM starts).
     */
    @Test
    void aJsonEndpointsErrorIsItsStatusThenItsMessage() throws Exception {
        String body = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/search/suggest"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"status\":400,\"error\":\"请求有误，无法处理\"}");
    }
}
