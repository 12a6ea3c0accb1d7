package org.shegong.site;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.shegong.column.ColumnService;
import org.shegong.digest.newsletter.SubscriptionService;
import org.shegong.system.FooterProperties;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
public class ChromeFactory {

    private static final Logger log = LoggerFactory.getLogger(ChromeFactory.class);

    private final ColumnService columns;
    private final SiteProperties site;
    private final SubscriptionService subscriptions;
    private final FooterProperties footer;

    ChromeFactory(ColumnService columns, SiteProperties site, SubscriptionService subscriptions,
                  FooterProperties footer) {
        this.columns = columns;
        this.footer = footer;
        this.site = site;
        this.subscriptions = subscriptions;
    }

    public Chrome chrome(String activeSlug) {
        return new Chrome(site.name(), site.owner(), site.baseUrl(), columns.navigation(), activeSlug,
                subscriptions.mailConfigured(), columns.visibleChildren(), footer, display(), path());
    }

    /** The display choice in the current request's cookie (the page cache keys its copies by the same cookie). */
    private static ReaderDisplay display() {
        HttpServletRequest request = request();
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ReaderDisplay.COOKIE.equals(cookie.getName())) {
                    return ReaderDisplay.fromCookie(cookie.getValue());
                }
            }
        }
        return ReaderDisplay.DEFAULT;
    }

    /** The page's own path; the query string is left out, as the page cache serves paths without one. */
    private static String path() {
        HttpServletRequest request = request();
        String uri = request == null ? null : request.getRequestURI();
        return uri == null || !DisplayController.isLocalPath(uri) ? "/" : uri;
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** For error pages: an error page must render even when the database that holds the columns is down. */
    Chrome safeChrome() {
        try {
            return chrome(null);
        } catch (RuntimeException e) {
            log.debug("Navigation unavailable for the error page", e);
            return new Chrome(site.name(), site.owner(), site.baseUrl(), List.of(), null, false, Map.of(),
                    footer, display(), path());
        }
    }
}
