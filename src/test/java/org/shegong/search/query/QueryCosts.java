package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.index.SearchIndex;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The search benchmark's diagnosis ({@code DIAG=1 bench/search-bench.sh …}): the CPU time of each query (the
 * request's thread and the search helpers, which a loaded machine does not inflate the way it does wall time) in
 * two engines over the same index, interleaved query by query so both see the same load, and the part of it the
 * full-match ranking alone takes. Prints the sums, their ratio and the costliest queries.
 */
final class QueryCosts {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long[] helpers = new long[0];

    private QueryCosts() {
    }

    /** One query's cost: CPU nanoseconds in each engine, in the full-match ranking alone, and documents scored. */
    private record Cost(String query, long main, long other, long fullOnly, long partialOnly, long scored,
                        long partialScored, long partialUnbounded, boolean partial,
                        boolean corrected) {
    }

    static void compare(SearchIndex index, SearchProperties properties, LuceneSearchEngine main,
                        LuceneSearchEngine other, List<String> queries, String[] readers) throws Exception {
        List<String> all = new ArrayList<>(queries);
        all.addAll(List.of(readers));
        QueryBuilder builder = new QueryBuilder(properties, SearchAnalyzers.bigrams(), RegionWords.NONE);
        measure(index, properties, main, other, builder, all); // warm-up
        List<Cost> costs = measure(index, properties, main, other, builder, all);
        report("1-3 word queries", costs.subList(0, queries.size()));
        report("readers' queries", costs.subList(queries.size(), costs.size()));
    }

    private static List<Cost> measure(SearchIndex index, SearchProperties properties, LuceneSearchEngine main,
                                      LuceneSearchEngine other, QueryBuilder builder, List<String> texts)
            throws Exception {
        helpers = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("search-helper"))
                .mapToLong(Thread::getId).toArray();
        PlaceSimilarity similarity = new PlaceSimilarity(properties);
        List<Cost> costs = new ArrayList<>();
        for (String text : texts) {
            long start = cpu();
            SearchResults results = main.search(SearchQuery.simple(text));
            long mainCost = cpu() - start;
            start = cpu();
            other.search(SearchQuery.simple(text));
            long otherCost = cpu() - start;
            start = cpu();
            withRanking(index, properties, similarity, text, (ranking, parsed) -> RankedSearch.top(ranking,
                    builder.full(parsed, index.lexicon(), SearchQuery.simple(text)),
                    builder.rescoring(parsed, Instant.parse("2026-11-01T00:00:00Z")), properties.pageSize(),
                    LuceneSearchEngine.COUNT_LIMIT, null).totalHits.value);
            long fullOnly = cpu() - start;
            long partialOnly = 0;
            long[] partialScored = {0, 0};
            if (results.total() < LuceneSearchEngine.PARTIAL_BELOW) {
                start = cpu();
                partialScored[0] = partialScored(index, properties, builder, text, results.total(), true);
                partialOnly = cpu() - start;
                partialScored[1] = partialScored(index, properties, builder, text, results.total(), false);
            }
            costs.add(new Cost(text, mainCost, otherCost, fullOnly, partialOnly, results.total(), partialScored[0],
                    partialScored[1], !results.partialHits().isEmpty(),
                    results.correction() != null && results.correction().applied()));
        }
        return costs;
    }

    /**
     * The documents the partial query scores for this text with this many full matches, bounded as the engine
     * runs it or not.
     */
    static long partialScored(SearchIndex index, SearchProperties properties, QueryBuilder builder, String text,
                              long fullMatches, boolean bounded) throws IOException {
        int n = (int) fullMatches + properties.pageSize();
        return withRanking(index, properties, new PlaceSimilarity(properties), text, (ranking, parsed) -> {
            AnalysedSearchEngine.Frequencies counts = LuceneSearchEngine.frequencies(ranking.getIndexReader(),
                    builder.frequencyTerms(parsed, index.lexicon()));
            Query partial = builder.partial(parsed, index.lexicon(), SearchQuery.simple(text), () -> counts);
            return partial == null ? 0
                    : (bounded ? RankedSearch.topAmongNewest(ranking, partial, n, LuceneSearchEngine.PARTIAL_SCAN, null)
                    : RankedSearch.top(ranking, partial, null, n, n, null)).totalHits.value;
        });
    }

    /** A ranking over the current index, as the engine's (ADR 0018). */
    private interface Ranking {
        long run(IndexSearcher ranking, QueryText parsed) throws IOException;
    }

    private static long withRanking(SearchIndex index, SearchProperties properties, PlaceSimilarity similarity,
                                    String text, Ranking work) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            IndexSearcher ranking = new IndexSearcher(searcher.getIndexReader());
            ranking.setSimilarity(similarity);
            return work.run(ranking, QueryText.parse(text, index.wordAnalyzer(), index.lexicon(),
                    properties.maxQueryLength(), properties.maxQueryWords()));
        } finally {
            index.release(searcher);
        }
    }

    private static void report(String name, List<Cost> costs) {
        long main = costs.stream().mapToLong(Cost::main).sum();
        long other = costs.stream().mapToLong(Cost::other).sum();
        long full = costs.stream().mapToLong(Cost::fullOnly).sum();
        long partial = costs.stream().mapToLong(Cost::partialOnly).sum();
        long[] sorted = costs.stream().mapToLong(Cost::main).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s (%d): CPU per query %.2f ms with region words, %.2f ms without (ratio %.3f);"
                        + " full-match ranking alone (one thread) %.2f ms, partial-match ranking alone %.2f ms; CPU p50 %.1f p90 %.1f p99 %.1f ms;"
                        + " documents scored %,d on average%n", name, costs.size(), main / 1e6 / costs.size(),
                other / 1e6 / costs.size(), (double) main / Math.max(1, other), full / 1e6 / costs.size(),
                partial / 1e6 / costs.size(),
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                costs.stream().mapToLong(Cost::scored).sum() / Math.max(1, costs.size()));
        List<Cost> partials = costs.stream().filter(Cost::partial).toList();
        System.out.printf(Locale.ROOT, "  %d took the partial path: documents it scored %,d on average (%,d without the"
                        + " bound), at most %,d (%,d)%n", partials.size(),
                partials.stream().mapToLong(Cost::partialScored).sum() / Math.max(1, partials.size()),
                partials.stream().mapToLong(Cost::partialUnbounded).sum() / Math.max(1, partials.size()),
                partials.stream().mapToLong(Cost::partialScored).max().orElse(0),
                partials.stream().mapToLong(Cost::partialUnbounded).max().orElse(0));
        costs.stream().sorted(Comparator.comparingLong(Cost::main).reversed()).distinct().limit(15).forEach(c ->
                System.out.printf(Locale.ROOT, "  %6.1f ms (without region words %6.1f, full-match alone %6.1f, partial"
                                + " alone %6.1f)  %s  [%,d scored%s%s]%n", c.main / 1e6, c.other / 1e6, c.fullOnly / 1e6,
                        c.partialOnly / 1e6, c.query, c.scored, c.partial ? String.format(Locale.ROOT,
                                ", partial: %,d scored, %,d unbounded", c.partialScored, c.partialUnbounded) : "",
                        c.corrected ? ", corrected" : ""));
    }

    /** CPU time of this thread and of the search helper threads (found before each pass). */
    private static long cpu() {
        long total = THREADS.getCurrentThreadCpuTime();
        for (long helper : helpers) {
            total += Math.max(0, THREADS.getThreadCpuTime(helper));
        }
        return total;
    }
}
