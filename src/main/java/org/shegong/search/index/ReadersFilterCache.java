package org.shegong.search.index;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * Keeps the readers' filter ({@link EditorDocuments#visibleTo}: status LIVE, nearly every document) as a bit set
 * per segment (ADR 0076). As a term query it is a posting list as long as the index, advanced to every match a
 * reader's search or 地区 count visits: at a million articles a block decoded every few matches. As a bit set
 * Lucene checks a match with one bit (a conjunction with a bit set tests membership instead of advancing). A
 * segment's set is built on its first search and dropped with the segment; it is one bit per document.
 *
 * <p>Lucene's own caching policy never keeps a term query (cheap when selective, which this one is not), and its
 * cache skips building a set whose filter costs more than ten times the leading clause, which this one always does:
 * hence a cache of its own, which builds it regardless. Other filters are kept as Lucene's default policy would
 * keep them.
 */
public final class ReadersFilterCache {

    /** Worst case one bit per document per kept filter; Lucene only caches on an index a fifth of this can hold. */
    private static final long MAX_BYTES = 32L << 20;
    private static final int MAX_FILTERS = 64;

    private final LRUQueryCache cache = new LRUQueryCache(MAX_FILTERS, MAX_BYTES, segment -> true,
            Float.POSITIVE_INFINITY);
    private final QueryCachingPolicy policy = new ReadersFilterFirst(new UsageTrackingQueryCachingPolicy());

    /** Searches on {@code searcher} use the kept filters from now on. */
    public void install(IndexSearcher searcher) {
        searcher.setQueryCache(cache);
        searcher.setQueryCachingPolicy(policy);
    }

    /** Filters kept now, over all segments (tests). */
    long kept() {
        return cache.getCacheSize();
    }

    /** How the kept filters are used, for the metrics: read when scraped. */
    FilterCacheStats stats() {
        return new FilterCacheStats(cache.getHitCount(), cache.getMissCount(), cache.getCacheCount(),
                cache.getEvictionCount(), cache.getCacheSize(), cache.ramBytesUsed());
    }

    private record ReadersFilterFirst(QueryCachingPolicy others) implements QueryCachingPolicy {

        private static final Query READERS = EditorDocuments.readersFind();

        @Override
        public void onUse(Query query) {
            if (!READERS.equals(query)) {
                others.onUse(query);
            }
        }

        @Override
        public boolean shouldCache(Query query) throws IOException {
            return READERS.equals(query) || others.shouldCache(query);
        }
    }
}
