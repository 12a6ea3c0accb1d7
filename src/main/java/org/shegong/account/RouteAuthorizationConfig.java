package org.shegong.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every request to a handler passes {@link RouteAuthorization}; it ignores all but back-office handlers. */
@Configuration(proxyBeanMethods = false)
class RouteAuthorizationConfig implements WebMvcConfigurer {

    private final RouteAuthorization routes;

    RouteAuthorizationConfig(RouteAuthorization routes) {
        this.routes = routes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(routes);
    }
}
