package org.shegong.api;

import org.shegong.system.web.AddressRateLimiter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import tools.jackson.databind.json.JsonMapper;

/** The filters of /api/*: the per-address limit first, then the ETag (and 304) from the bytes of each answer. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig {

    static final String PATTERN = "/api/*";

    @Bean
    FilterRegistrationBean<ApiRateLimit> apiRateLimit(ApiProperties properties, JsonMapper json) {
        var limiter = new AddressRateLimiter(properties.requestsPerWindow(), properties.window());
        var registration = new FilterRegistrationBean<>(new ApiRateLimit(limiter, json));
        registration.addUrlPatterns(PATTERN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Strong ETags over the body; a matching If-None-Match gets 304 without the body (the work is still done). */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(PATTERN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
