package org.shegong.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every back-office page shows around its content: the site, who is logged in, and the CSRF token each
 * form must carry.
 */
public record AdminChrome(String siteName, StaffUser user, String csrfParameter, String csrfToken) {

    public static AdminChrome of(HttpServletRequest request, String siteName) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        StaffUser user = authentication != null && authentication.getPrincipal() instanceof StaffUser staff
                ? staff : null;
        return new AdminChrome(siteName, user, token == null ? "_csrf" : token.getParameterName(),
                token == null ? "" : token.getToken());
    }

    public boolean loggedIn() {
        return user != null;
    }
}
