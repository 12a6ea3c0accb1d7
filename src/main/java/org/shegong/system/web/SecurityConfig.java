package org.shegong.system.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public site is open to all readers; /admin needs a login. Every response carries the security headers,
 * and CSRF protection (a per-session token) stays on for every state-changing request. Command-line modes
 * (import, reindex, digest, reset-password) have no web server and so no HttpSecurity.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    public static final String LOGIN = "/admin/login";
    /** The session cookie's name (server.servlet.session.cookie.name; the sessions themselves live in the database). */
    static final String SESSION_COOKIE = "JSESSIONID";

    /**
     * Logins are still observed (spring.security.authentications); each request's walk through the filter chain and
     * its authorization decision are not: every filter was wrapped in an observation, and observations were a tenth
     * of an uncached page's CPU samples (JFR, issue 18). http.server.requests still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    /** Logins go through the single {@code ThrottledAuthenticationProvider} bean (the global manager's only one). */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers("/admin", "/admin/**").hasRole("STAFF")
                        // Member organisations (投稿) log in on the public side; their role opens nothing in /admin.
                        .requestMatchers("/org/submissions", "/org/submissions/**").hasRole("ORGANISATION")
                        .anyRequest().permitAll())
                // Organisations are sent to their own login page; everyone else to the back office's.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                        loginEntryPoint(LOGIN), new RequestMatcherEntry<AuthenticationEntryPoint>(
                        PathPatternRequestMatcher.withDefaults().matcher("/org/**"), loginEntryPoint("/org/login"))))
                        // What each back-office page needs is declared on its handler and checked by one policy (ADR 0028).
                        .accessDeniedHandler(new ChineseAccessDenied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.sameOrigin()))
                // RFC 8058 one-click unsubscribe: mail clients POST without a session; the token is the authority.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/newsletter/unsubscribe/*"))
                // Readers' pages must never create sessions; after a login the editor lands on the dashboard.
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/admin", true)
                        .failureHandler(new LoginFailureHandler(LOGIN + "?error=1")))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl(LOGIN + "?logout=1")
                        .deleteCookies(SESSION_COOKIE))
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /** Relative Location headers: an absolute one would be built from the client's Host header. */
    private static LoginUrlAuthenticationEntryPoint loginEntryPoint(String page) {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(page);
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }
}
