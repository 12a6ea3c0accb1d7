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
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.ArrayUtil;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.system.Medians;

/**
 * The 地区 facet's count per query on a real index (bench/facet-bench.sh; not a test): {@link RegionFacets} (kept
 * province masks added to byte-wide counters, ADR 0078) against the two counters before it, the same masks added by
 * bit-sliced carries (ADR 0077) and the kept ordinal arrays (ADR 0072; the doc values before those are ADR 0072's
 * baseline and RegionFacetsTest's reference), alternated in rounds on the same searcher; fails when they count
 * differently. Queries are a query file's lines as conjunctions of word terms, a simpler shape than
 * the site's (no synonyms or region words), so the figures are the counting's cost, not a whole search's.
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
            RegionFacets masks = new RegionFacets();
            OrdinalArrays arrays = new OrdinalArrays();
            CarryMasks carry = new CarryMasks();
            for (Query query : queries) {
                Map<String, Long> counted = masks.count(searcher, query).byProvince();
                if (!arrays.count(searcher, query).equals(counted) || !carry.count(searcher, query).equals(counted)) {
                    throw new IllegalStateException("the counters count differently for " + query);
                }
            }
            double[] ordinal = new double[rounds];
            double[] carried = new double[rounds];
            double[] lanes = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (Query query : queries) {
                    arrays.count(searcher, query);
                }
                long second = System.nanoTime();
                for (Query query : queries) {
                    carry.count(searcher, query);
                }
                long third = System.nanoTime();
                for (Query query : queries) {
                    masks.count(searcher, query);
                }
                long end = System.nanoTime();
                ordinal[round] = (second - start) / 1e3 / queries.size();
                carried[round] = (third - second) / 1e3 / queries.size();
                lanes[round] = (end - third) / 1e3 / queries.size();
                System.out.printf("round %d: ordinal arrays %.1f, masks with carries %.1f, masks with byte counters"
                        + " %.1f µs/query (%.2fx the carries)%n", round + 1, ordinal[round], carried[round],
                        lanes[round], lanes[round] / carried[round]);
            }
            // The first half of the rounds is the JIT's; the medians are the later rounds'.
            double o = Medians.of(Arrays.copyOfRange(ordinal, rounds / 2, rounds));
            double c = Medians.of(Arrays.copyOfRange(carried, rounds / 2, rounds));
            double l = Medians.of(Arrays.copyOfRange(lanes, rounds / 2, rounds));
            System.out.printf("median of the last %d rounds: ordinal arrays %.1f µs, masks with carries %.1f µs, masks "
                    + "with byte counters %.1f µs per query (%.2fx the carries, %.2fx the arrays); same counts; %d "
                    + "queries, %d documents, %d segments; kept: ordinal arrays %,d bytes, masks %,d bytes%n",
                    rounds - rounds / 2, o, c, l, l / c, l / o, queries.size(), reader.maxDoc(),
                    reader.leaves().size(), arrays.keptBytes(), masks.provinces().keptBytes());
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

    /**
     * RegionFacets between ADR 0072 and ADR 0077, as it was: per segment an int per document (its one province's
     * ordinal plus one, or minus one minus where its list of ordinals starts) and the lists, kept by segment.
     */
    private static final class OrdinalArrays {

        private final Map<Object, int[][]> kept = new HashMap<>();

        long keptBytes() {
            return kept.values().stream().mapToLong(a -> 4L * (a[0].length + a[1].length)).sum();
        }

        Map<String, Long> count(IndexSearcher searcher, Query query) throws IOException {
            LimitedCount count = new LimitedCount() {
                @Override
                LeafCollector leaf(LeafReaderContext context) throws IOException {
                    SortedSetDocValues values = DocValues.getSortedSet(context.reader(),
                            ArticleDocuments.REGION_PROVINCE);
                    int[][] arrays = kept.get(context.reader().getCoreCacheHelper().getKey());
                    if (arrays == null) {
                        arrays = read(context);
                        kept.put(context.reader().getCoreCacheHelper().getKey(), arrays);
                    }
                    int[] first = arrays[0];
                    int[] several = arrays[1];
                    int[] perOrd = new int[(int) values.getValueCount()];
                    return new LeafCollector() {
                        private boolean flushed;

                        @Override
                        public void setScorer(Scorable scorer) {
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            int ord = first[doc];
                            if (ord > 0) {
                                perOrd[ord - 1]++;
                            } else if (ord < 0) {
                                int at = -ord - 1;
                                for (int i = at + 1, end = at + 1 + several[at]; i < end; i++) {
                                    perOrd[several[i]]++;
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
                                    counts.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
                                }
                            }
                        }
                    };
                }
            };
            searcher.search(query, count);
            return count.counts;
        }

        private static int[][] read(LeafReaderContext context) throws IOException {
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ArticleDocuments.REGION_PROVINCE);
            int[] first = new int[context.reader().maxDoc()];
            int[] several = new int[0];
            int used = 0;
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                int n = values.docValueCount();
                if (n == 1) {
                    first[doc] = (int) values.nextOrd() + 1;
                } else {
                    first[doc] = -(used + 1);
                    several = ArrayUtil.grow(several, used + 1 + n);
                    several[used++] = n;
                    for (int i = 0; i < n; i++) {
                        several[used++] = (int) values.nextOrd();
                    }
                }
            }
            return new int[][] {first, ArrayUtil.copyOfSubArray(several, 0, used)};
        }
    }

    /**
     * RegionFacets between ADR 0077 and ADR 0078, as it was: the same kept masks, added to bit-sliced counters by a
     * ripple carry that stops when the carry is empty.
     */
    private static final class CarryMasks {

        private static final int PLANES = 32;

        private final ProvinceOrdinals provinces = new ProvinceOrdinals();

        Map<String, Long> count(IndexSearcher searcher, Query query) throws IOException {
            LimitedCount count = new LimitedCount() {
                @Override
                LeafCollector leaf(LeafReaderContext context) throws IOException {
                    ProvinceOrdinals.Segment segment = provinces.of(context.reader());
                    long[] masks = segment.masks();
                    int words = segment.words();
                    long[] planes = new long[words * PLANES];
                    return new LeafCollector() {
                        private boolean flushed;

                        @Override
                        public void setScorer(Scorable scorer) {
                        }

                        @Override
                        public void collect(int doc) {
                            for (int w = 0; w < words; w++) {
                                long carry = masks[doc * words + w];
                                for (int plane = w * PLANES; carry != 0; plane++) {
                                    long next = planes[plane] & carry;
                                    planes[plane] ^= carry;
                                    carry = next;
                                }
                            }
                            if (++seen >= RegionFacets.LIMIT) {
                                finish();
                                throw new CollectionTerminatedException();
                            }
                        }

                        @Override
                        public void finish() {
                            if (flushed) {
                                return;
                            }
                            flushed = true;
                            for (int ord = 0; ord < segment.names().length; ord++) {
                                int word = ord >>> 6;
                                int bit = ord & 63;
                                long count = 0;
                                for (int plane = 0; plane < PLANES; plane++) {
                                    count |= ((planes[word * PLANES + plane] >>> bit) & 1L) << plane;
                                }
                                if (count > 0) {
                                    counts.merge(segment.names()[ord], count, Long::sum);
                                }
                            }
                        }
                    };
                }
            };
            searcher.search(query, count);
            return count.counts;
        }
    }

    /** A count over the newest {@link RegionFacets#LIMIT} matches, as RegionFacets makes it; a baseline adds a leaf. */
    private abstract static class LimitedCount implements Collector {

        final Map<String, Long> counts = new HashMap<>();
        int seen;

        @Override
        public final LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (seen >= RegionFacets.LIMIT) {
                throw new CollectionTerminatedException();
            }
            return leaf(context);
        }

        abstract LeafCollector leaf(LeafReaderContext context) throws IOException;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
