package org.shegong.site.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.shegong.content.ViewCounter;
import org.shegong.system.web.FilterOrder;
import org.shegong.system.web.PublicAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfig {

    /**
     * Ahead of Spring Security (order -100), Spring MVC and the request observation (FilterOrder): a hit costs a map
     * lookup and a write. The security headers are not lost, because they are stored with the page when it is
     * rendered through the whole chain.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(
            PageCache cache, PageCacheProperties properties, ViewCounter views, Clock clock, PublicAddress address,
            ObjectProvider<MeterRegistry> registry,
            @Value("${management.observations.http.server.requests.name:http.server.requests}") String timerName) {
        HitTimers hitTimers = new HitTimers(registry.getIfAvailable(() -> Metrics.globalRegistry),
                new DefaultServerRequestObservationConvention(timerName));
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, properties, views, clock, address, hitTimers));
        registration.setOrder(FilterOrder.PAGE_CACHE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
