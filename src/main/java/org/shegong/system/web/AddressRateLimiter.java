package org.shegong.system.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests per client address per window, counted from the address's first request of the
 * window (a fixed window: the count starts again when the first request's entry expires). Held in memory per
 * node: with N nodes an address gets at most N times the limit. Used by the newsletter form and the open-data API;
 * limits that must hold across nodes (per mailbox, per login) live in the database instead.
 */
public final class AddressRateLimiter {

    private final int limit;
    private final Duration window;
    private final Cache<String, AtomicInteger> counts;

    public AddressRateLimiter(int limit, Duration window) {
        this(limit, window, Ticker.systemTicker());
    }

    /** With a ticker, so tests can move time instead of waiting. */
    public AddressRateLimiter(int limit, Duration window, Ticker ticker) {
        this.limit = limit;
        this.window = window;
        this.counts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).ticker(ticker).build();
    }

    public boolean tryAcquire(String address) {
        String key = address == null ? "unknown" : address;
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
