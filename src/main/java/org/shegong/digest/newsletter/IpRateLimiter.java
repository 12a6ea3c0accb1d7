package org.shegong.digest.newsletter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests per address per hour, counted from the first request of the hour. Held in
 * memory per node: with N nodes an address gets at most N times the limit, still far from a flood; the
 * per-mailbox limit, which protects strangers, is in the database and holds across nodes.
 */
final class IpRateLimiter {

    private final int limit;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build();

    IpRateLimiter(int limit) {
        this.limit = limit;
    }

    boolean tryAcquire(String ip) {
        String key = ip == null ? "unknown" : ip;
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
