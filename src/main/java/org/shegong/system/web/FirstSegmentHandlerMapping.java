package org.shegong.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping, asked only about the mappings that can match the request's first path segment. A path with no
 * exact mapping ("/article/{id}") is otherwise checked against every mapping in turn — about 140 here, 70 of them
 * under /admin — each with its method, CORS, header and pattern conditions: 5.7-5.8 % of an uncached article's CPU
 * samples (async-profiler, demo database, session 33). A mapping whose every pattern starts with a literal segment
 * ("/admin/…", "/column/…", "/") is skipped for a request whose first segment is another; a mapping with a variable or
 * wildcard there ("/{slug}", "/sitemap-articles-{page}.xml") is always asked. A path with an escape ({@code %}) is
 * left entirely to Spring, which matches decoded segments. Which mapping wins, 404s, 405s and CORS are Spring's own.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

    /** The request's first segment while its handler is looked up on this thread; null: ask every mapping. */
    private static final ThreadLocal<String> FIRST_SEGMENT = new ThreadLocal<>();
    private static final Set<String> ANY = Collections.unmodifiableSet(new HashSet<>());

    /**
     * Each mapping's literal first segments, by identity: asked about every mapping on every lookup, so it is read
     * without locks or {@code RequestMappingInfo.hashCode} (a ConcurrentHashMap's computeIfAbsent was 1.2 % of the
     * samples, a third of what the skipped conditions had cost); copied on write, once per mapping.
     */
    private volatile Map<RequestMappingInfo, Set<String>> firstSegments = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String previous = FIRST_SEGMENT.get();
        FIRST_SEGMENT.set(firstSegment(lookupPath));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            FIRST_SEGMENT.set(previous);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String first = FIRST_SEGMENT.get();
        if (first != null) {
            Set<String> literal = firstSegments.get(info);
            if (literal == null) {
                literal = remember(info);
            }
            if (literal != ANY && !literal.contains(first)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private synchronized Set<String> remember(RequestMappingInfo info) {
        Set<String> literal = literalFirstSegments(info);
        Map<RequestMappingInfo, Set<String>> copy = new IdentityHashMap<>(firstSegments);
        copy.put(info, literal);
        firstSegments = copy;
        return literal;
    }

    /** The first segment of a lookup path ("" for "/"), or null when it must be decoded to compare. */
    static String firstSegment(String lookupPath) {
        if (lookupPath.isEmpty() || lookupPath.charAt(0) != '/' || lookupPath.indexOf('%') >= 0) {
            return null;
        }
        int end = lookupPath.indexOf('/', 1);
        return end < 0 ? lookupPath.substring(1) : lookupPath.substring(1, end);
    }

    /** The literal first segments of a mapping's patterns, or {@link #ANY} if one of them is not literal. */
    static Set<String> literalFirstSegments(RequestMappingInfo info) {
        Set<String> segments = new HashSet<>();
        for (String pattern : info.getPatternValues()) {
            String first = firstSegment(pattern);
            if (first == null || first.indexOf('{') >= 0 || first.indexOf('*') >= 0 || first.indexOf('?') >= 0) {
                return ANY;
            }
            segments.add(first);
        }
        return segments.isEmpty() ? ANY : Set.copyOf(segments);
    }
}
