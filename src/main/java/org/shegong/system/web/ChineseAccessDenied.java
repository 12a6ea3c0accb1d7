package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's refusals (a missing or stale CSRF token, a URL rule) answer 403 through the error page,
 * which says in Chinese what is missing, instead of the container's bare status page.
 */
class ChineseAccessDenied implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (!response.isCommitted()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, ErrorPages.FORBIDDEN);
        }
    }
}
