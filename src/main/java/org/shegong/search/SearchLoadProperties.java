package org.shegong.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the readers' search holds up under many readers ({@code shegong.search.load.*}, ADR 0061).
 *
 * @param cacheSize       memory for the readers' recent results (0 turns the result cache off)
 * @param cacheTimeToLive a result is searched again after this even if the index did not change: the recency
 *                        bonus moves with the clock, but by about 1/50,000 of its size in ten minutes (a pivot of a
 *                        year), while each popular query searched again costs a whole search (ADR 0067)
 * @param maxConcurrent   searches computed at once; 0 means one more than there are processors (ADR 0075)
 * @param maxQueued       searches that may wait for one of those; beyond them the answer is 503 at once
 * @param maxWait         a search that waited this long is answered 503
 * @param retryAfter      what a 503 tells the client to wait before trying again
 * @param crowdedRegionLimit while every core is taken by searches, the 地区 counts stop after this many of the newest
 *                        matches (20,000 otherwise; larger values change nothing): a common word's counts are a
 *                        quarter of its page's work, and under load every page waits for all of them (ADR 0091)
 */
@ConfigurationProperties("shegong.search.load")
public record SearchLoadProperties(
        @DefaultValue("32MB") DataSize cacheSize,
        @DefaultValue("10m") Duration cacheTimeToLive,
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("48") int maxQueued,
        @DefaultValue("1s") Duration maxWait,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2000") int crowdedRegionLimit) {

    public SearchLoadProperties {
        if (maxConcurrent < 0 || maxQueued < 0 || cacheSize.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("shegong.search.load: sizes and times must not be negative");
        }
        if (crowdedRegionLimit < 1) {
            throw new IllegalArgumentException(
                    "shegong.search.load.crowded-region-limit 应至少为 1，现为 " + crowdedRegionLimit);
        }
    }

    public static SearchLoadProperties defaults() {
        return new SearchLoadProperties(DataSize.ofMegabytes(32), Duration.ofMinutes(10), 0, 48, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 2000);
    }

    /**
     * No result cache and no limit, the 地区 counts whole: every call searches (tests and benchmarks that time the
     * search itself).
     */
    public static SearchLoadProperties unlimited() {
        return new SearchLoadProperties(DataSize.ofBytes(0), Duration.ofSeconds(60), 0, Integer.MAX_VALUE,
                Duration.ofDays(1), Duration.ofSeconds(5), Integer.MAX_VALUE);
    }

    /**
     * Searches computed at once: {@link #maxConcurrent()}, or one more than there are processors. A search page also
     * works outside its place (facets, rendering, the servlet stack) and a search waits at times (the memory-mapped
     * index, locks): with exactly one place per core a core was idle now and then under full load (ADR 0075).
     */
    public int concurrency() {
        return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors() + 1;
    }
}
