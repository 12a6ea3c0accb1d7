package org.shegong.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form that does not decode (a lone {@code %}, {@code %zz}, bytes that are not UTF-8) is the
 * client's mistake: 400 and the Chinese error page, before any controller or filter trips over it with a 500.
 * Tomcat throws only when the parameters are first read, so they are read here, first — but after Spring's
 * character-encoding filter: parameters read before the request knows it is UTF-8 are decoded as ISO-8859-1.
 */
@Component
@Order(FilterOrder.MALFORMED_REQUEST)
class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            TomcatErrorReport.securityHeaders(response);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
