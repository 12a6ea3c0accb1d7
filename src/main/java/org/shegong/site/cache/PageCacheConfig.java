package org.shegong.site.cache;

import java.time.Clock;
import org.shegong.content.ViewCounter;
import org.shegong.system.web.PublicAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfig {

    /**
     * Ahead of Spring Security (order -100) and Spring MVC: a hit costs a map lookup and a write. The security
     * headers are not lost, because they are stored with the page when it is rendered through the whole chain.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties,
                                                            ViewCounter views, Clock clock, PublicAddress address) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties, views, clock, address));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
