package org.shegong.search.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.system.Medians;

/**
 * The 地区 facet's count per query on a real index (bench/facet-bench.sh; not a test): {@link RegionFacets} with its
 * kept province arrays against the doc-values counter it replaced (ADR 0072), alternated in rounds on the same
 * searcher. Queries are a query file's lines as conjunctions of word terms, a simpler shape than the site's (no
 * synonyms or region words), so the figures are the counting's cost, not a whole search's.
 */
public final class RegionFacetsBench {

    private RegionFacetsBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RegionFacetsBench INDEX_DIR QUERY_FILE [QUERIES=2000] [ROUNDS=10]");
            System.exit(2);
        }
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            List<Query> queries = queries(Path.of(args[1]), limit);
            RegionFacets kept = new RegionFacets();
            double[] before = new double[rounds];
            double[] after = new double[rounds];
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (Query query : queries) {
                    sink += DocValuesCounter.count(searcher, query).size();
                }
                long middle = System.nanoTime();
                for (Query query : queries) {
                    sink += kept.count(searcher, query).byProvince().size();
                }
                long end = System.nanoTime();
                before[round] = (middle - start) / 1e3 / queries.size();
                after[round] = (end - middle) / 1e3 / queries.size();
                System.out.printf("round %d: doc values %.1f µs/query, kept arrays %.1f µs/query (%.2fx)%n", round + 1,
                        before[round], after[round], after[round] / before[round]);
            }
            // The first half of the rounds is the JIT's; the medians are the later rounds'.
            double b = Medians.of(Arrays.copyOfRange(before, rounds / 2, rounds));
            double a = Medians.of(Arrays.copyOfRange(after, rounds / 2, rounds));
            System.out.printf("median of the last %d rounds: doc values %.1f µs, kept arrays %.1f µs per query (%.2fx); "
                    + "%d queries, %d documents, %d segments (%d)%n", rounds - rounds / 2, b, a, a / b,
                    queries.size(), reader.maxDoc(), reader.leaves().size(), sink % 10);
        }
    }

    /** The file's lines as conjunctions of word terms, the first {@code limit} of them. */
    static List<Query> queries(Path file, int limit) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String word : line.strip().split("\\s+")) {
                query.add(new TermQuery(new Term(ArticleDocuments.PLACE_WORDS, word)), BooleanClause.Occur.MUST);
            }
            queries.add(query.build());
            if (queries.size() == limit) {
                break;
            }
        }
        return queries;
    }

    /** The baseline: RegionFacets before ADR 0072, each match's provinces read from the doc values. */
    private static final class DocValuesCounter implements Collector {

        private final Map<String, Long> counts = new HashMap<>();
        private int seen;

        static Map<String, Long> count(IndexSearcher searcher, Query query) throws IOException {
            DocValuesCounter counter = new DocValuesCounter();
            searcher.search(query, counter);
            return counter.counts;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (seen >= RegionFacets.LIMIT) {
                throw new CollectionTerminatedException();
            }
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ArticleDocuments.REGION_PROVINCE);
            long[] perOrd = new long[(int) values.getValueCount()];
            return new LeafCollector() {
                private boolean flushed;

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
                    if (++seen >= RegionFacets.LIMIT) {
                        finish();
                        throw new CollectionTerminatedException();
                    }
                }

                @Override
                public void finish() throws IOException {
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
