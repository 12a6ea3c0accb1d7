package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.catalina.Globals;
import org.shegong.system.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address absolute links start with (canonical links, OpenGraph, feeds, sitemaps, robots.txt).
 *
 * <p>It is the configured base URL ({@code shegong.site.base-url}), except while answering a request that came
 * through a trusted proxy with {@code shegong.web.trust-proxy=true}: then it is the address the reader used, as
 * the proxy forwarded it (Tomcat's RemoteIpValve has already applied X-Forwarded-Proto/Host/Port to the request;
 * see {@link TrustedProxyConfig}). A request straight from a client never picks the address: its Host header is the
 * client's to choose (issue 11). What is sent or kept — mails, the digest mail, stored bodies — always uses the
 * configured address: a forwarded host still comes from a client's Host header, and a confirmation link in a mail
 * must not be steerable by whoever asked for the mail (docs/adr/0059).
 */
@Component
public class PublicAddress {

    private final String configured;
    private final boolean trustProxy;

    public PublicAddress(SiteProperties site, ProxyProperties proxy) {
        this.configured = site.baseUrl();
        this.trustProxy = proxy.trustProxy();
    }

    /** The configured base URL, without a trailing slash: for mails and anything built without a reader. */
    public String configured() {
        return configured;
    }

    /** The base URL for links in the response to the current request (the configured one outside a request). */
    public String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : configured;
    }

    /**
     * The base URL for links in the response to {@code request}: the forwarded address when a trusted proxy forwarded
     * one (X-Forwarded-Host, -Proto or -Port present), else the configured one — also for a request from a trusted
     * address that forwarded nothing, such as a health check from the proxy's machine.
     */
    public String of(HttpServletRequest request) {
        if (!trustProxy || !forwardedByTrustedProxy(request) || !forwardsAddress(request)) {
            return configured;
        }
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !("http".equals(scheme) || "https".equals(scheme))) {
            return configured;
        }
        String address = scheme + "://" + host + portPart(scheme, request.getServerPort());
        return address.equals(configured) ? configured : address;
    }

    /** Whether the request came from a trusted proxy, whose forwarded headers the valve applied. */
    static boolean forwardedByTrustedProxy(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE));
    }

    private static boolean forwardsAddress(HttpServletRequest request) {
        return request.getHeader("X-Forwarded-Host") != null || request.getHeader("X-Forwarded-Proto") != null
                || request.getHeader("X-Forwarded-Port") != null;
    }

    static String portPart(String scheme, int port) {
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return standard || port <= 0 ? "" : ":" + port;
    }
}
