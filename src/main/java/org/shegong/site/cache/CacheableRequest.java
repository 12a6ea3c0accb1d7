package org.shegong.site.cache;

import org.shegong.system.web.SiteUrls;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.shegong.system.web.ReaderDisplay;

/**
 * Decides whether a request is an anonymous reader's request for a public page, the only kind the page cache may
 * answer. Anything that could make a response personal (a session or remember-me cookie, credentials, a query
 * string) sends the request to the controllers instead, so editors always see fresh pages.
 */
final class CacheableRequest {


    private final List<String> ignoredCookies;

    CacheableRequest(List<String> ignoredCookies) {
        this.ignoredCookies = ignoredCookies;
    }

    boolean test(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (request.getQueryString() != null || !request.getParameterMap().isEmpty()
                || request.getHeader("Authorization") != null) {
            return false;
        }
        if (!SiteUrls.isReaderPage(request.getRequestURI())) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (!ignored(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean ignored(String cookieName) {
        if (ReaderDisplay.COOKIE.equals(cookieName)) {
            return true; // part of the cache key, not a reason to bypass the cache
        }
        for (String pattern : ignoredCookies) {
            boolean matches = pattern.endsWith("*") ? cookieName.startsWith(pattern.substring(0, pattern.length() - 1))
                    : cookieName.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The article id of an article page path, or -1. */
    static long articleId(String path) {
        return SiteUrls.articleIdOf(path);
    }
}
