package org.shegong.search.query;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.shegong.search.SearchEngine;

/**
 * Counts a query's matches per province, for the search page's 地区 facet. Unscored; it stops after a limit of matches
 * ({@link #LIMIT} unless the caller asks for fewer; segment by segment, each kept newest first), so a very common word
 * costs a bounded scan and its counts are then those of its newest matches (the page says so). The provinces are
 * looked up in {@link ProvinceOrdinals}.
 */
final class RegionFacets {

    static final int LIMIT = 20_000;

    private final ProvinceOrdinals provinces = new ProvinceOrdinals();

    SearchEngine.RegionCounts count(IndexSearcher searcher, Query query) throws IOException {
        return count(searcher, query, LIMIT);
    }

    /** Counts over the newest {@code limit} matches at most; capped when that many were seen. */
    SearchEngine.RegionCounts count(IndexSearcher searcher, Query query, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        Counter counter = new Counter(limit);
        searcher.search(query, counter);
        return new SearchEngine.RegionCounts(counter.counts, counter.seen >= limit);
    }

    /** The kept segments' provinces (tests). */
    ProvinceOrdinals provinces() {
        return provinces;
    }

    private final class Counter implements Collector {

        private final Map<String, Long> counts = new HashMap<>();
        private final int limit;
        private int seen;

        Counter(int limit) {
            this.limit = limit;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (seen >= limit) {
                throw new CollectionTerminatedException();
            }
            ProvinceOrdinals.Segment segment = provinces.of(context.reader());
            ProvinceOrdinals.Tally tally = segment.tally();
            return new LeafCollector() {
                private boolean flushed;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    tally.add(doc);
                    if (++seen >= limit) {
                        flush();
                        throw new CollectionTerminatedException();
                    }
                }

                @Override
                public void finish() {
                    flush();
                }

                private void flush() {
                    if (flushed) {
                        return;
                    }
                    flushed = true;
                    for (int ord = 0; ord < segment.names().length; ord++) {
                        long count = tally.count(ord);
                        if (count > 0) {
                            counts.merge(segment.names()[ord], count, Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
