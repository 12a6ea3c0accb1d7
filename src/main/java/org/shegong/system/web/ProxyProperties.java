package org.shegong.system.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the site stands behind a reverse proxy (nginx, a load balancer, a CDN's origin pull) whose X-Forwarded-*
 * headers are believed (docs/adr/0059).
 *
 * @param trustProxy     true: a request from one of {@code trustedProxies} takes its client address from
 *                       X-Forwarded-For (read right to left, past the trusted proxies) and its scheme, host and port
 *                       from X-Forwarded-Proto/Host/Port; links built for that request use that address. False (the
 *                       default): those headers are ignored, whoever sends them
 * @param trustedProxies the proxies' addresses, comma-separated CIDR blocks or single addresses; by default only
 *                       this machine (nginx on the same host)
 */
@ConfigurationProperties("shegong.web")
public record ProxyProperties(boolean trustProxy, String trustedProxies) {

    static final String LOOPBACK = "127.0.0.0/8, ::1/128";

    public ProxyProperties {
        trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? LOOPBACK : trustedProxies;
    }

    /** The trusted proxies as CIDR blocks (a single address becomes a /32 or /128), for Tomcat's RemoteIpValve. */
    public List<String> cidrBlocks() {
        List<String> blocks = new ArrayList<>();
        for (String entry : trustedProxies.split(",")) {
            String block = entry.trim();
            if (block.isEmpty()) {
                continue;
            }
            if (!block.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
                throw new IllegalArgumentException("shegong.web.trusted-proxies: 不是 IP 地址或 CIDR 网段: " + block);
            }
            blocks.add(block.contains("/") ? block : block + (block.contains(":") ? "/128" : "/32"));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("shegong.web.trusted-proxies 为空");
        }
        return List.copyOf(blocks);
    }
}
