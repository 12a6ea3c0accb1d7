package org.shegong.search.query;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.shegong.search.SearchEngine;
import org.shegong.search.index.ArticleDocuments;

/**
 * Counts a query's matches per province from the documents' province doc values, for the search page's 地区
 * facet. Unscored; it stops after {@link #LIMIT} matches (segment by segment, each kept newest first), so a very common word
 * costs a bounded scan and its counts are then those of its newest matches (the page says so).
 */
final class RegionFacets {

    static final int LIMIT = 20_000;

    private RegionFacets() {
    }

    static SearchEngine.RegionCounts count(IndexSearcher searcher, Query query) throws IOException {
        Counter counter = new Counter();
        searcher.search(query, counter);
        return new SearchEngine.RegionCounts(counter.counts, counter.seen >= LIMIT);
    }

    private static final class Counter implements Collector {

        private final Map<String, Long> counts = new HashMap<>();
        private int seen;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (seen >= LIMIT) {
                throw new CollectionTerminatedException();
            }
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ArticleDocuments.REGION_PROVINCE);
            long[] perOrd = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (values.advanceExact(doc)) {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            perOrd[(int) values.nextOrd()]++;
                        }
                    }
                    if (++seen >= LIMIT) {
                        flush();
                        throw new CollectionTerminatedException();
                    }
                }

                @Override
                public void finish() throws IOException {
                    flush();
                }

                private boolean flushed;

                private void flush() throws IOException {
                    if (flushed) {
                        return;
                    }
                    flushed = true;
                    for (int ord = 0; ord < perOrd.length; ord++) {
                        if (perOrd[ord] > 0) {
                            counts.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
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
