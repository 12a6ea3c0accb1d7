package org.shegong.api;

import org.shegong.system.web.AddressRateLimiter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.shegong.system.web.FilterOrder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import tools.jackson.databind.json.JsonMapper;

/** The filters of /api/*: the per-address limit first, then the ETag (and 304) from the bytes of each answer. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

    /** The write API's paths: bearer token required (ADR 0050). */
    static final String WRITE_PATHS = "/api/v1/drafts/**";

    private final ApiProperties properties;
    private final org.shegong.api.token.ApiTokenAuthenticator tokens;

    ApiWebConfig(ApiProperties properties, org.shegong.api.token.ApiTokenAuthenticator tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        var perToken = new AddressRateLimiter(properties.tokenRequestsPerWindow(), properties.window());
        registry.addInterceptor(new ApiTokenInterceptor(tokens, perToken)).addPathPatterns("/api/v1/drafts",
                WRITE_PATHS);
    }

    static final String PATTERN = "/api/*";

    @Bean
    FilterRegistrationBean<ApiRateLimit> apiRateLimit(ApiProperties properties, JsonMapper json) {
        var limiter = new AddressRateLimiter(properties.requestsPerWindow(), properties.window());
        var registration = new FilterRegistrationBean<>(new ApiRateLimit(limiter, json));
        registration.addUrlPatterns(PATTERN);
        registration.setOrder(FilterOrder.API_RATE_LIMIT);
        return registration;
    }

    /** Strong ETags over the body; a matching If-None-Match gets 304 without the body (the work is still done). */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(PATTERN);
        registration.setOrder(FilterOrder.API_ETAGS);
        return registration;
    }
}
