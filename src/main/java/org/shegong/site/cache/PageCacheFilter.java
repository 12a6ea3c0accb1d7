package org.shegong.site.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shegong.content.ViewCounter;
import org.shegong.system.web.PublicAddress;
import org.shegong.system.web.ReaderDisplay;
import org.shegong.system.web.SiteUrls;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers anonymous GET and HEAD requests for public pages from {@link PageCache}, before the request observation,
 * Spring Security and Spring MVC run (a hit is timed by {@link HitTimers}). A miss is rendered as usual into a buffer
 * and stored only if it is a plain 200 HTML page that set no cookie and created no session, and the cache admits it
 * (from its second request); the security headers it carried are stored with it and replayed on hits. A page
 * rendered but not admitted goes out exactly as a stored one would (same validators, gzip on demand).
 */
final class PageCacheFilter extends OncePerRequestFilter {

    /** Headers of a rendered page that are the same for every reader; nothing else is replayed. */
    private static final Set<String> REPLAYED = Set.of("content-security-policy", "referrer-policy",
            "x-content-type-options", "x-frame-options", "x-xss-protection", "content-language",
            "cross-origin-opener-policy", "permissions-policy");
    static final String NOT_CACHED = "no-cache, no-store, max-age=0, must-revalidate";

    private final PageCache cache;
    private final CacheableRequest cacheable;
    private final ViewCounter views;
    private final String cacheControl;
    private final Clock clock;
    private final PublicAddress address;
    private final HitTimers hitTimers;

    PageCacheFilter(PageCache cache, PageCacheProperties properties, ViewCounter views, Clock clock,
                    PublicAddress address, HitTimers hitTimers) {
        this.address = address;
        this.hitTimers = hitTimers;
        this.cache = cache;
        this.cacheable = new CacheableRequest(properties.ignoredCookies());
        this.views = views;
        this.cacheControl = properties.cacheControl();
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        if (!cache.enabled() || !cacheable.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI();
        ReaderDisplay display = ReaderDisplay.fromCookie(cookie(request, ReaderDisplay.COOKIE));
        String key = cache.key(path + display.cacheKeySuffix(), address.of(request));
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedPage page = cache.get(key);
        if (page != null) {
            long articleId = CacheableRequest.articleId(path);
            if (articleId > 0) {
                views.record(articleId); // the controller is skipped, but the reader still read the article
            }
            response.setHeader("X-Cache", "HIT");
            respond(page, request, response);
            hitTimers.record(request, response, SiteUrls.readerPageRoute(path), System.nanoTime() - started);
            return;
        }
        response.setHeader("X-Cache", "MISS");
        long epoch = cache.epoch();
        PageCapture buffer = new PageCapture(response);
        // Set before the chain so Spring Security's header writer, which leaves an existing Cache-Control alone,
        // does not mark the page no-store.
        response.setHeader("Cache-Control", cacheControl);
        // A HEAD is rendered as a GET so that what is stored is the page, not an empty body.
        chain.doFilter(asGet(request), buffer);
        if (!storable(request, response, buffer)) {
            if (!response.isCommitted()) {
                response.setHeader("Cache-Control", NOT_CACHED);
            }
            if (!"HEAD".equals(request.getMethod())) {
                buffer.sendBody();
            }
            return;
        }
        page = new CachedPage(buffer.body(), buffer.getContentType(), replayed(response),
                clock.millis());
        if (cache.admits(key)) {
            cache.put(key, page, epoch);
        }
        response.resetBuffer();
        respond(page, request, response);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static boolean storable(HttpServletRequest request, HttpServletResponse response,
                                    PageCapture buffer) {
        String type = buffer.getContentType();
        return buffer.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")
                && response.getHeaders("Set-Cookie").isEmpty()
                && request.getSession(false) == null
                && buffer.bodySize() > 0;
    }

    private static List<Map.Entry<String, String>> replayed(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(Map.entry(name, response.getHeader(name)));
            }
        }
        // Tomcat keeps the language set by setLocale apart from its headers, so getHeaderNames never lists it.
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Language"))) {
            headers.add(Map.entry("Content-Language", response.getLocale().toLanguageTag()));
        }
        return headers;
    }

    private void respond(CachedPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        response.setStatus(HttpServletResponse.SC_OK);
        for (Map.Entry<String, String> header : page.headers()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setHeader("Cache-Control", cacheControl);
        // The page differs by the display cookie (关怀模式, text size): browsers and a CDN must not give one
        // reader's variant to another, nor the old variant right after a reader switched (docs/adr/0034).
        response.setHeader("Vary", "Accept-Encoding, Cookie");
        response.setHeader("ETag", page.etag(gzip));
        response.setDateHeader("Last-Modified", page.lastModified());
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzipped() : page.body();
        response.setContentType(page.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip"); // also keeps the server from compressing it again
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); a malformed date is no condition. */
    static boolean notModified(CachedPage page, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.trim();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2); // weak comparison, as GET conditions use
                }
                if (candidate.equals("*") || page.hasEtag(candidate)) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && page.lastModified() <= since;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].replace(" ", "");
                    if (parameter.startsWith("q=") && Double.parseDouble(zeroIfBad(parameter.substring(2))) == 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String zeroIfBad(String q) {
        return q.matches("[01](\\.[0-9]{0,3})?") ? q : "0";
    }

    private static HttpServletRequest asGet(HttpServletRequest request) {
        if (!"HEAD".equals(request.getMethod())) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }
}
