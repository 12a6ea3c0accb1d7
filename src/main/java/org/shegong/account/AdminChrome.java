package org.shegong.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every back-office page shows around its content: the site, who is logged in, and the CSRF token each
 * form must carry.
 */
public record AdminChrome(String siteName, StaffUser user, String csrfParameter, String csrfToken,
                          java.util.Set<Permission> permissions) {

    public AdminChrome {
        permissions = java.util.Set.copyOf(permissions);
    }

    /** The chrome without menu rights (the login page, a page for someone not yet known). */
    public static AdminChrome of(HttpServletRequest request, String siteName) {
        return of(request, siteName, java.util.Set.of());
    }

    public static AdminChrome of(HttpServletRequest request, String siteName, java.util.Set<Permission> permissions) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        StaffUser user = authentication != null && authentication.getPrincipal() instanceof StaffUser staff
                ? staff : null;
        return new AdminChrome(siteName, user, token == null ? "_csrf" : token.getParameterName(),
                token == null ? "" : token.getToken(), permissions);
    }

    /** Whether the menu offers what needs {@code permission}: the menu shows only what the person may open. */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean loggedIn() {
        return user != null;
    }
}
