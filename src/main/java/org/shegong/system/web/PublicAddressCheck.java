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
 * Notices two set-up mistakes and says so once in the log and on the administrators' dashboard; nothing is built
 * from what it sees.
 *
 * <p>A site left on the default public address ({@code SHEGONG_BASE_URL} unset) while readers reach it under another
 * host or port: every address built without a request — mails, the digest mail, and (unless a trusted proxy forwards
 * the address) feeds and sitemaps — would point at http://localhost:8080. Only the request's own address is looked
 * at, as the trusted proxy forwarded it when there is one; loopback requests, such as health checks, never count.
 *
 * <p>Forwarded headers that are not believed: X-Forwarded-For/Host/Proto on requests while
 * {@code shegong.web.trust-proxy} is off (behind nginx every reader then has the proxy's address, and login
 * throttling counts them all as one), or from a peer outside {@code shegong.web.trusted-proxies}.
 */
@Component
public class PublicAddressCheck extends OncePerRequestFilter {

    static final String DEFAULT = "http://localhost:8080";
    private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

    private final boolean unset;
    private final boolean trustProxy;
    private final AtomicReference<String> seen = new AtomicReference<>();
    private final AtomicReference<String> ignoredForwarding = new AtomicReference<>();

    public PublicAddressCheck(SiteProperties site, ProxyProperties proxy) {
        this.unset = DEFAULT.equals(site.baseUrl());
        this.trustProxy = proxy.trustProxy();
    }

    /** The first other address readers used while the public address is the default, if any. */
    public Optional<String> mismatchSeen() {
        return Optional.ofNullable(seen.get());
    }

    /** The first peer whose X-Forwarded-* headers were ignored, if any. */
    public Optional<String> ignoredForwardingSeen() {
        return Optional.ofNullable(ignoredForwarding.get());
    }

    /** Whether X-Forwarded-* headers are believed at all ({@code shegong.web.trust-proxy}). */
    public boolean trustsProxy() {
        return trustProxy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (unset && seen.get() == null) {
            String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
            String address = request.getScheme() + "://" + host
                    + PublicAddress.portPart(request.getScheme(), request.getServerPort());
            if (!isLocal(host) && !DEFAULT.equals(address) && seen.compareAndSet(null, address)) {
                log.warn("公开地址仍是默认的 {}，但有请求来自 {}：{}里的链接会指向错误的地址。"
                        + "请设置 SHEGONG_BASE_URL（shegong.site.base-url）为网站的公开地址并重启。", DEFAULT, address,
                        trustProxy ? "邮件和一周动态邮件" : "邮件、一周动态邮件、订阅源和站点地图");
            }
        }
        if (ignoredForwarding.get() == null && carriesForwarding(request)
                && !PublicAddress.forwardedByTrustedProxy(request)
                && ignoredForwarding.compareAndSet(null, String.valueOf(request.getRemoteAddr()))) {
            if (trustProxy) {
                log.warn("来自 {} 的请求带有 X-Forwarded-* 头，但这个地址不在 shegong.web.trusted-proxies（SHEGONG_TRUSTED_PROXIES）里，"
                        + "这些头已被忽略。若它是网站前面的反向代理，请把它的地址加入该设置并重启。", request.getRemoteAddr());
            } else {
                log.warn("来自 {} 的请求带有 X-Forwarded-* 头，但 shegong.web.trust-proxy 为 false，这些头已被忽略：读者的地址都记作代理的地址，"
                        + "登录限速会把他们当作同一个人。若网站在 nginx 等反向代理之后，请设置 SHEGONG_TRUST_PROXY=true 并重启。",
                        request.getRemoteAddr());
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesForwarding(HttpServletRequest request) {
        return request.getHeader("X-Forwarded-For") != null || request.getHeader("X-Forwarded-Host") != null
                || request.getHeader("X-Forwarded-Proto") != null;
    }

    private static boolean isLocal(String host) {
        return host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1");
    }
}
