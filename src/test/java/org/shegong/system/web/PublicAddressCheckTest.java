package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shegong.system.SiteProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicAddressCheckTest {

    private static String seenAfter(String baseUrl, String scheme, String host, int port) throws Exception {
        PublicAddressCheck check = new PublicAddressCheck(new SiteProperties(null, baseUrl, null),
                new ProxyProperties(false, null));
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
    void forwardedHeadersThatAreNotBelievedAreNoticedOnce() throws Exception {
        for (boolean trustProxy : new boolean[] {false, true}) {
            PublicAddressCheck check = new PublicAddressCheck(new SiteProperties(null, "https://www.example.org", null),
                    new ProxyProperties(trustProxy, null));
            MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/");
            check.doFilter(plain, new MockHttpServletResponse(), new MockFilterChain());
            assertThat(check.ignoredForwardingSeen()).as("no forwarded header, nothing to say").isEmpty();

            MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/");
            forwarded.setRemoteAddr("10.0.0.7");
            forwarded.addHeader("X-Forwarded-For", "203.0.113.9");
            check.doFilter(forwarded, new MockHttpServletResponse(), new MockFilterChain());
            assertThat(check.ignoredForwardingSeen()).contains("10.0.0.7");
            assertThat(check.trustsProxy()).isEqualTo(trustProxy);

            // What Tomcat's RemoteIpValve marks as coming from a trusted proxy is believed: nothing to say about it.
            PublicAddressCheck quiet = new PublicAddressCheck(new SiteProperties(null, "https://www.example.org", null),
                    new ProxyProperties(trustProxy, null));
            MockHttpServletRequest trusted = new MockHttpServletRequest("GET", "/");
            trusted.addHeader("X-Forwarded-Host", "www.example.org");
            trusted.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);
            quiet.doFilter(trusted, new MockHttpServletResponse(), new MockFilterChain());
            assertThat(quiet.ignoredForwardingSeen()).isEmpty();
        }
    }

    @Test
    void loopbackRequestsNeverCount() throws Exception {
        assertThat(seenAfter(null, "http", "localhost", 8080)).isNull();
        assertThat(seenAfter(null, "http", "127.0.0.1", 18089)).isNull();
        assertThat(seenAfter(null, "http", "::1", 80)).isNull();
    }
}
