package org.shegong.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notices a site left on the default public address ({@code SHEGONG_BASE_URL} unset) while readers reach it under
 * another host or port: every address built without a request — mails, the digest mail, feeds and sitemaps — would
 * point at http://localhost:8080. It says so once in the log and on the administrators' dashboard. Only the
 * request's own address is looked at (loopback requests, such as health checks, never count); nothing is built
 * from it.
 */
@Component
public class PublicAddressCheck extends OncePerRequestFilter {

    static final String DEFAULT = "http://localhost:8080";
    private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

    private final boolean unset;
    private final AtomicReference<String> seen = new AtomicReference<>();

    public PublicAddressCheck(SiteProperties site) {
        this.unset = DEFAULT.equals(site.baseUrl());
    }

    /** The first other address readers used while the public address is the default, if any. */
    public Optional<String> mismatchSeen() {
        return Optional.ofNullable(seen.get());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (unset && seen.get() == null) {
            String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
            String address = request.getScheme() + "://" + host + portPart(request);
            if (!isLocal(host) && !DEFAULT.equals(address) && seen.compareAndSet(null, address)) {
                log.warn("公开地址仍是默认的 {}，但有请求来自 {}：邮件、一周动态邮件、订阅源和站点地图里的链接会指向错误的地址。"
                        + "请设置 SHEGONG_BASE_URL（shegong.site.base-url）为网站的公开地址并重启。", DEFAULT, address);
            }
        }
        chain.doFilter(request, response);
    }

    private static String portPart(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean standard = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return standard || port <= 0 ? "" : ":" + port;
    }

    private static boolean isLocal(String host) {
        return host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1");
    }
}
