package org.shegong.search.index;

/**
 * The search index's kept filters ({@link ReadersFilterCache}) as counts since the index was opened: lookups that
 * found a kept set ({@code hits}) or did not ({@code misses}), sets built ({@code built}: each a full pass over the
 * filter's matches in one segment) and dropped again ({@code evicted}), and what is kept now.
 */
public record FilterCacheStats(long hits, long misses, long built, long evicted, long kept, long bytes) {
}
