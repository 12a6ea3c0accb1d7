package org.shegong.system.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code shegong.web.trust-proxy=true}, Tomcat's RemoteIpValve applies the X-Forwarded-* headers of requests
 * whose peer is a trusted proxy, before any filter runs; every other peer's headers are left unread. Spring Boot's
 * own {@code server.forward-headers-strategy} is set to {@code none} (application.properties), so no cloud
 * platform detection can turn header trust on behind the operator's back (docs/adr/0059).
 *
 * <p>The valve is Tomcat's, not Spring's ForwardedHeaderFilter, because the filter takes the left-most
 * X-Forwarded-For entry — the one a client writes itself when nginx appends ({@code $proxy_add_x_forwarded_for}) —
 * and would trust any peer. The valve walks the list from the right and stops at the first untrusted address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TrustedProxyConfig {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxyConfig.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxyValve(ProxyProperties proxy) {
        return factory -> {
            if (proxy.trustProxy()) {
                factory.addEngineValves(valve(proxy));
                log.info("信任来自 {} 的反向代理的 X-Forwarded-For/Proto/Host/Port 头", String.join(", ", proxy.cidrBlocks()));
            }
        };
    }

    static RemoteIpValve valve(ProxyProperties proxy) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(String.join(",", proxy.cidrBlocks()));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProxiesHeader("X-Forwarded-By");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }
}
