package org.shegong.system.web;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters ahead of Spring Security (-100), in one place because each is placed relative to
 * the others. Spring's character-encoding filter is first with the request id (both {@code HIGHEST_PRECEDENCE}).
 */
public final class FilterOrder {

    /** First of all, so that even a page served from the page cache has its id in the log and the response. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    /**
     * Ahead of the request observation: a hit is timed by the page cache itself (the same timer,
     * {@code http.server.requests}, same tags). Observing it cost 7.5 % of the CPU samples of a cached article
     * (async-profiler, session 33): the observation's context, key values and a timer looked up by its tags per
     * request.
     */
    public static final int PAGE_CACHE = Ordered.HIGHEST_PRECEDENCE + 1;
    /** Spring Boot registers it at {@code HIGHEST_PRECEDENCE + 1}; moved behind the page cache. */
    public static final int REQUEST_OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 2;
    /** After the observation, so that the 400 it answers is counted like any other response. */
    public static final int MALFORMED_REQUEST = Ordered.HIGHEST_PRECEDENCE + 3;
    public static final int API_RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int API_ETAGS = Ordered.HIGHEST_PRECEDENCE + 30;

    private FilterOrder() {
    }
}
