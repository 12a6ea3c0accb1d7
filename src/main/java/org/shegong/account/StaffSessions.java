package org.shegong.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A staff session lasts only while the password it logged in with is current and the account enabled: a password
 * changed (by the person, or reset by an administrator or on the command line) or an account disabled ends every
 * other session of that account at its next request, so a stolen session or a colleague's still-open browser does
 * not outlive the change. One primary-key read per back-office request; the check runs after Spring Security has
 * restored the session's login, and compares against the database, so it holds across nodes.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSessions {

    static final String ENDED = "/admin/login?ended=1";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> staffSessionCheck(AccountRepository accounts) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication login = SecurityContextHolder.getContext().getAuthentication();
                if (login != null && login.getPrincipal() instanceof StaffUser user
                        && !accounts.sessionStillValid(user.id(), user.credentialsStamp())) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", ENDED);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        // After Spring Security's filter chain (order -100), which puts the session's login in the context.
        registration.setOrder(0);
        registration.addUrlPatterns("/admin/*", "/admin");
        return registration;
    }

    /** After people change their own password this session goes on (with the new stamp); their others end. */
    void renew(HttpServletRequest request, HttpServletResponse response, StaffUser changed) {
        Authentication login = UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(login);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }
}
