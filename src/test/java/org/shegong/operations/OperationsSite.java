package org.shegong.operations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One running site for the tests of the management port, of proxies that are not trusted and of the connector's
 * defaults (they share it, so it starts once): trust-proxy on, but the only trusted proxy is an address the tests never come from; the management
 * port on a free port (test configuration) and on its default address, 127.0.0.1.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operations-site;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.site.base-url=https://www.example.org.cn", "shegong.web.trust-proxy=true",
        "shegong.web.trusted-proxies=192.0.2.10", "shegong.api.requests-per-window=5"})
@interface OperationsSite {
}
