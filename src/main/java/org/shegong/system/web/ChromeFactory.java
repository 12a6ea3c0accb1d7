package org.shegong.system.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.shegong.system.FooterProperties;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
public class ChromeFactory {

    private static final Logger log = LoggerFactory.getLogger(ChromeFactory.class);

    private final Navigation navigation;
    private final SiteProperties site;
    private final FooterProperties footer;
    /** Resolved once: a bean lookup on every page was measurable (issue 18). */
    private final Supplier<Optional<MailSubscription>> mail;
    private final PublicAddress address;

    ChromeFactory(Navigation navigation, SiteProperties site, FooterProperties footer,
                  ObjectProvider<MailSubscription> mail, PublicAddress address) {
        this.address = address;
        this.navigation = navigation;
        this.site = site;
        this.footer = footer;
        this.mail = SingletonSupplier.of(() -> Optional.ofNullable(mail.getIfAvailable()));
    }

    public Chrome chrome(String activeSlug) {
        return new Chrome(site.name(), site.owner(), address.current(), navigation.items(), activeSlug,
                mail.get().map(MailSubscription::offered).orElse(false), footer, display(), path());
    }

    /** For error pages: an error page must render even when the database that holds the columns is down. */
    public Chrome safeChrome() {
        try {
            return chrome(null);
        } catch (RuntimeException e) {
            log.debug("Navigation unavailable for the error page", e);
            return new Chrome(site.name(), site.owner(), address.current(), List.of(), null, false, footer, display(),
                    path());
        }
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
        return SiteUrls.isLocalPath(uri) ? uri : SiteUrls.home();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
