package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shegong.system.SiteProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicAddressCheckTest {

    private static String seenAfter(String baseUrl, String scheme, String host, int port) throws Exception {
        PublicAddressCheck check = new PublicAddressCheck(new SiteProperties(null, baseUrl, null));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        MockFilterChain chain = new MockFilterChain();
        check.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("the request goes on").isSameAs(request);
        return check.mismatchSeen().orElse(null);
    }

    @Test
    void anOutsideAddressIsNoticedOnlyWhileThePublicAddressIsTheDefault() throws Exception {
        assertThat(seenAfter(null, "https", "www.shegong.example", 443)).isEqualTo("https://www.shegong.example");
        assertThat(seenAfter(null, "http", "10.0.0.5", 8080)).isEqualTo("http://10.0.0.5:8080");
        assertThat(seenAfter("https://www.shegong.example", "https", "other.example", 443)).isNull();
    }

    @Test
    void loopbackRequestsNeverCount() throws Exception {
        assertThat(seenAfter(null, "http", "localhost", 8080)).isNull();
        assertThat(seenAfter(null, "http", "127.0.0.1", 18089)).isNull();
        assertThat(seenAfter(null, "http", "::1", 80)).isNull();
    }
}
