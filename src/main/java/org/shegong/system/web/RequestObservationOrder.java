package org.shegong.system.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Moves Spring Boot's request-observation filter to {@link FilterOrder#REQUEST_OBSERVATION}. Only the order changes:
 * replacing Boot's registration would mean copying how it builds the filter (name, convention, dispatcher types).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestObservationOrder {

    @Bean
    static BeanPostProcessor requestObservationAfterPageCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof ServerHttpObservationFilter) {
                    registration.setOrder(FilterOrder.REQUEST_OBSERVATION);
                }
                return bean;
            }
        };
    }
}
