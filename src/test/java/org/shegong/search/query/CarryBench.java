package org.shegong.search.query;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.search.SearchLoadProperties;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;
import org.shegong.system.Medians;
import org.springframework.util.unit.DataSize;

/**
 * What a publication costs the readers' cached answers (ADR 0068); not a test, run by {@code bench/carry-bench.sh}.
 * On a copy of a built index: asks every distinct query of a popular mix once (now cached), then publishes an article
 * of the corpus as a new, newest one and asks them all again, {@code PUBLICATIONS} times. Twice in the same run: with
 * carrying (answers the article cannot change are kept) and without (a new view drops every answer, as before ADR
 * 0068), with the same articles. Prints per publication the answers kept, the carrying's time and the time to answer
 * the popular set again, then medians and their ratio.
 *
 * <p>Arguments: {@code INDEX_DIR CORPUS QUERIES [PUBLICATIONS=20]}.
 */
public final class CarryBench {

    private static final Map<Long, Article> PENDING = new ConcurrentHashMap<>();

    private CarryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        List<String> popular = distinct(Path.of(args[2]), 1_000);
        int publications = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        List<Article> articles = articles(corpus, publications);
        SearchProperties properties = SearchProperties.defaults();
        RegionDirectory directory = RegionDirectory.load("china-division-2.7.0");
        RegionTagger tagger = new RegionTagger(directory);
        SearchLoadProperties load = new SearchLoadProperties(DataSize.ofMegabytes(32), Duration.ofMinutes(10), 0, 48,
                Duration.ofSeconds(5), Duration.ofSeconds(5), 2000);
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            if (index.needsRebuild()) {
                throw new IllegalStateException("no complete index in " + dir);
            }
            index.useRegions(id -> SearchBench.codes(PENDING.remove(id), tagger));
            IndexRebuilder idle = new IndexRebuilder(index, null, null, properties, null, null, null);
            System.out.printf(Locale.ROOT, "%d documents, %d distinct popular queries, %d publications%n",
                    index.documentCount(), popular.size(), publications);
            long[][] carrying = pass(true, index, idle, properties, directory, load, popular, articles, 3_000_000);
            long[][] dropping = pass(false, index, idle, properties, directory, load, popular, articles, 4_000_000);
            double with = Medians.upper(carrying[1]) / 1e6;
            double without = Medians.upper(dropping[1]) / 1e6;
            System.out.printf(Locale.ROOT, "answers kept per publication: median %d of %d (without carrying: 0)%n",
                    Medians.upper(carrying[2]), Medians.upper(carrying[3]));
            System.out.printf(Locale.ROOT, "carrying a publication: median %.1f ms, max %.1f ms%n",
                    Medians.upper(carrying[0]) / 1e6, Arrays.stream(carrying[0]).max().orElse(0) / 1e6);
            System.out.printf(Locale.ROOT, "asking the %d popular queries again after a publication: median %.0f ms "
                    + "with carrying, %.0f ms without (%.2fx)%n", popular.size(), with, without, with / without);
        }
    }

    /** Rows: carrying nanos, asking nanos, answers kept, answers tested; one column a publication. */
    private static long[][] pass(boolean carry, SearchIndex index, IndexRebuilder idle, SearchProperties properties,
                                 RegionDirectory directory, SearchLoadProperties load, List<String> popular,
                                 List<Article> articles, long firstId) {
        LuceneSearchEngine engine = new LuceneSearchEngine(index, idle, properties, Clock.systemUTC(), directory, load,
                new SearchGate(load));
        engine.search(SearchQuery.simple(popular.get(0))); // follows the index's views from here on
        if (!carry) {
            index.onReaderViewChange(null);
            engine.resultCache().carrying(false);
        }
        long filled = ask(engine, popular);
        System.out.printf(Locale.ROOT, "%s carrying: the popular set asked once in %.0f ms%n", carry ? "with" : "without",
                filled / 1e6);
        long[][] rows = new long[4][articles.size()];
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article article = withId(articles.get(i), firstId + i);
            PENDING.put(article.id(), article);
            index.upsert(article, true);
            published.add(article.id());
            index.commitAndRefresh();
            engine.awaitCarried();
            AnswerCarrier.Last last = engine.lastCarried();
            long hits = engine.resultCache().hits();
            long asking = ask(engine, popular);
            rows[0][i] = carry && last != null ? last.nanos() : 0;
            rows[1][i] = asking;
            rows[2][i] = carry && last != null ? last.carried().kept() : 0;
            rows[3][i] = carry && last != null ? last.carried().tested() : 0;
            System.out.printf(Locale.ROOT, "  publication %2d: kept %4d of %4d in %6.1f ms; asked again in %6.0f ms, "
                    + "%d from the cache%n", i + 1, rows[2][i], rows[3][i], rows[0][i] / 1e6, asking / 1e6,
                    engine.resultCache().hits() - hits);
        }
        published.forEach(index::delete);
        index.commitAndRefresh();
        engine.stopHelpers();
        return rows;
    }

    private static long ask(LuceneSearchEngine engine, List<String> queries) {
        long started = System.nanoTime();
        for (String query : queries) {
            engine.search(SearchQuery.simple(query));
        }
        return System.nanoTime() - started;
    }

    private static Article withId(Article a, long id) {
        Instant now = Instant.now();
        return new Article(id, "carry-" + id, a.title(), null, a.summary(), a.listSummary(), null, null, null, a.kind(),
                ArticleStatus.LIVE, false, a.primaryColumnId(), null, now, null, 0, a.bodyHtml(), a.columnIds(),
                List.of());
    }

    /** Articles spread over the corpus (every k-th line), as publications to make. */
    private static List<Article> articles(Path corpus, int count) throws Exception {
        long lines;
        try (var stream = Files.lines(corpus, StandardCharsets.UTF_8)) {
            lines = stream.count();
        }
        long step = Math.max(1, lines / count);
        List<Article> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null && articles.size() < count) {
                if (n++ % step == step / 2) {
                    articles.add(SearchBench.article(n, SearchBench.JSON.readTree(line)));
                }
            }
        }
        return articles;
    }

    private static List<String> distinct(Path file, int limit) throws Exception {
        Set<String> queries = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && queries.size() < limit) {
                queries.add(line.strip());
            }
        }
        return List.copyOf(queries);
    }
}
