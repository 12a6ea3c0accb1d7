package org.shegong.search.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.index.EditorDocuments;
import org.shegong.search.index.ReadersFilterCache;
import org.shegong.system.Medians;

/**
 * The readers' filter as a posting list against the same filter kept as a bit set per segment (ADR 0076;
 * bench/readers-filter.sh; not a test): the 地区 count and the ranking's first stage of each query, on two searchers
 * of one reader, alternated in rounds. Queries are a query file's lines as conjunctions of word terms with the
 * readers' filter, as the site asks for dictionary words (without synonyms or region words). Fails when the two
 * find different counts or different hits.
 */
public final class ReadersFilterBench {

    private ReadersFilterBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ReadersFilterBench INDEX_DIR QUERY_FILE [QUERIES=2000] [ROUNDS=10]");
            System.exit(2);
        }
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            PlaceSimilarity similarity = new PlaceSimilarity(SearchProperties.defaults());
            IndexSearcher postings = new IndexSearcher(reader);
            postings.setQueryCache(null);
            postings.setSimilarity(similarity);
            IndexSearcher kept = new IndexSearcher(reader);
            new ReadersFilterCache().install(kept);
            kept.setSimilarity(similarity);
            List<Query> queries = queries(Path.of(args[1]), limit);
            RegionFacets facets = new RegionFacets();
            check(facets, postings, kept, queries);
            Work counting = (searcher, query) -> facets.count(searcher, query).byProvince().size();
            Work ranking = (searcher, query) -> top(searcher, query).totalHits.value;
            double[][] micros = new double[4][rounds];
            for (int round = 0; round < rounds; round++) {
                micros[0][round] = micros(counting, postings, queries);
                micros[1][round] = micros(counting, kept, queries);
                micros[2][round] = micros(ranking, postings, queries);
                micros[3][round] = micros(ranking, kept, queries);
                System.out.printf("round %d: 地区 count %.1f -> %.1f µs/query (%.2fx), ranking %.1f -> %.1f µs/query "
                        + "(%.2fx)%n", round + 1, micros[0][round], micros[1][round],
                        micros[1][round] / micros[0][round], micros[2][round], micros[3][round],
                        micros[3][round] / micros[2][round]);
            }
            // The first half of the rounds is the JIT's; the medians are the later rounds'.
            double[] m = new double[4];
            for (int i = 0; i < 4; i++) {
                m[i] = Medians.of(Arrays.copyOfRange(micros[i], rounds / 2, rounds));
            }
            System.out.printf("median of the last %d rounds, filter as postings -> as a kept bit set: 地区 count %.1f -> "
                    + "%.1f µs per query (%.2fx), ranking %.1f -> %.1f µs (%.2fx); %d queries, %d documents, "
                    + "%d segments%n", rounds - rounds / 2, m[0], m[1], m[1] / m[0], m[2], m[3], m[3] / m[2],
                    queries.size(), reader.maxDoc(), reader.leaves().size());
        }
    }

    /** What one query costs on one searcher; the value only keeps the JIT from dropping the work. */
    private interface Work {
        long run(IndexSearcher searcher, Query query) throws IOException;
    }

    /** µs per query of {@code work} over all the queries. */
    private static double micros(Work work, IndexSearcher searcher, List<Query> queries) throws IOException {
        long sink = 0;
        long start = System.nanoTime();
        for (Query query : queries) {
            sink += work.run(searcher, query);
        }
        return (System.nanoTime() - start) / 1e3 / queries.size() + (sink == -1 ? 1 : 0);
    }

    private static TopDocs top(IndexSearcher searcher, Query query) throws IOException {
        return RankedSearch.top(searcher, query, null, 20, AnalysedSearchEngine.COUNT_LIMIT,
                LuceneSearchEngine.FULL_SCAN, null);
    }

    /** The same counts and the same hits from both, or no figures. */
    private static void check(RegionFacets facets, IndexSearcher postings, IndexSearcher kept, List<Query> queries)
            throws IOException {
        for (Query query : queries) {
            if (!facets.count(postings, query).equals(facets.count(kept, query))) {
                throw new IllegalStateException("different 地区 counts for " + query);
            }
            TopDocs a = top(postings, query);
            TopDocs b = top(kept, query);
            if (!a.totalHits.equals(b.totalHits) || !Arrays.equals(docs(a), docs(b))) {
                throw new IllegalStateException("different hits for " + query);
            }
        }
    }

    private static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).toArray();
    }

    /** RegionFacetsBench's conjunctions, each with the readers' filter as the site adds it. */
    private static List<Query> queries(Path file, int limit) throws IOException {
        Query readers = EditorDocuments.visibleTo(SearchQuery.simple(""));
        List<Query> queries = new ArrayList<>();
        for (Query words : RegionFacetsBench.queries(file, limit)) {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            ((BooleanQuery) words).clauses().forEach(query::add);
            queries.add(query.add(readers, BooleanClause.Occur.FILTER).build());
        }
        return queries;
    }
}
