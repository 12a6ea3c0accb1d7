package org.shegong.search.query;

import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.SearchAnalyzers;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.tagging.ArticleText;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.region.tagging.RegionTags;
import org.shegong.search.index.IndexedRegions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search benchmark (not a test; run by {@code bench/search-bench.sh}): indexes a JSON Lines file of generated
 * articles with the production analysis, document builder and index (on {@code indexThreads} threads, as a
 * rebuild does), then times a mix of one- to three-word queries with highlighting on one thread.
 *
 * <p>Arguments: {@code FILE INDEX_DIR [QUERIES=3000] [THREADS=2]}. The database read of a real rebuild is not
 * included (see README: it is measured separately).
 */
public final class SearchBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The division data production uses (RegionConfig). */
    private static final String REGION_DATA = "china-division-2.7.0";
    /** Articles read but not yet indexed, for the region tagger on the indexing threads. */
    private static final java.util.Map<Long, Article> PENDING = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String[] COLUMNS = {"行业动态", "政策法规", "理论研究", "联合会动态", "通知公告", "一周动态"};
    private static final String[] WORDS = {"社工站", "社会工作", "高级社会工作师", "三社联动", "乡镇社工站", "社工人才",
        "志愿服务", "社会组织", "民政局", "评审", "公示", "乡村振兴", "养老服务", "儿童", "督导", "培训", "抗洪",
        "疫情防控", "辽宁", "海南", "沈阳", "牡丹江", "浑南区", "宁夏", "江苏", "贵州", "北京", "2021年", "10万",
        "社会工作服务站", "一周动态", "一图读懂", "新时代文明实践中心", "政府购买服务", "社区治理", "困境儿童",
        "揭牌", "运营", "建设", "发布", "规划", "十四五", "专业", "人才", "服务", "基层"};

    /** Queries to time instead of {@link #WORDS} mixes: one a line (env QUERY_FILE, from bench/gen_queries.py). */
    private static final List<String> QUERY_FILE = readQueryFile(System.getenv("QUERY_FILE"));
    private static int fileCursor;

    private SearchBench() {
    }

    private static List<String> readQueryFile(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("no queries in " + path);
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        SearchProperties d = SearchProperties.defaults();
        SearchProperties properties = System.getenv("RECENCY") == null ? d : new SearchProperties(d.titleBoost(),
                d.summaryBoost(), d.bodyBoost(), d.phraseBoost(), d.synonymWeight(),
                Float.parseFloat(System.getenv("RECENCY")), d.recencyPivot(), d.maxQueryLength(), d.maxQueryWords(),
                d.pageSize(), d.maxPages(), d.indexThreads());
        boolean regions = !"0".equals(System.getenv("REGIONS"));
        RegionDirectory directory = RegionDirectory.load(REGION_DATA);
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            if (regions) {
                tagRegions(index, new RegionTagger(directory));
            }
            if (System.getenv("REUSE_INDEX") == null || index.needsRebuild()) {
                long generation = index.startGeneration();
                long started = System.nanoTime();
                long count = indexAll(file, index, threads);
                index.finishGeneration(generation);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "indexed %d articles in %.1f s: %.0f docs/s (%d threads)%n", count,
                        seconds, count / seconds, threads);
                baseline(file, dir.resolveSibling("baseline-index"), threads, Math.min(count, 5_000), count / seconds);
            }
            IndexRebuilder idle = new IndexRebuilder(index, null, null, properties, null, null, null);
            Clock clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            LuceneSearchEngine engine = regions ? new LuceneSearchEngine(index, idle, properties, clock, directory)
                    : new LuceneSearchEngine(index, idle, properties, clock);
            System.out.println("region words in queries: " + (regions ? "yes (REGIONS=0 for no)" : "no"));
            if (System.getenv("DIAG") != null) {
                QueryCosts.compare(index, properties, engine, new LuceneSearchEngine(index, idle, properties, clock),
                        queries(new Random(42), queries), READERS);
                return;
            }
            Random random = new Random(42);
            QueryBuilder builder = new QueryBuilder(properties, SearchAnalyzers.bigrams(),
                    regions ? new RegionWords(directory) : RegionWords.NONE);
            run(engine, index, properties, builder, random, Math.min(1000, queries)); // warm-up
            long[] nanos = run(engine, index, properties, builder, random, queries);
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%d queries (%s, highlighted, 20 hits): p50 %.1f ms, p90 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms%n", queries,
                    QUERY_FILE.isEmpty() ? "1-3 words" : "from " + System.getenv("QUERY_FILE"), nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.9)] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    nanos[nanos.length - 1] / 1e6);
            readers(engine, queries);
        }
    }

    /** Queries as readers type them (issue 14): questions, typos, pinyin, words that are rarely together. */
    private static final String[] READERS = {"江苏持证社工目标是多少", "贵州社工人才有多少", "怎样申请高级社工师评审",
        "如何建设乡镇社工站", "什么是三社联动", "哪些地方开展了援藏援疆", "社会组织怎么参与疫情防控", "社工占", "三社连动",
        "社工师評審", "shegongzhan", "sgz", "liaoning", "水灾", "短视频大赛", "未保站", "社會工作服務站", "辽宁 养老服务 督导",
        "牡丹江 困境儿童 揭牌", "浑南区 一图读懂 培训", "沈阳 抗洪 社区治理", "宁夏 政府购买服务 十四五",
        "海南 儿童 2021年 评审", "社工站 乡村振兴 公示 10万", "援藏援将", "脱贫功坚"};

    /**
     * The readers' queries, timed the same way, with how many took the partial-match path (fewer than 5 full
     * matches) or were corrected: the path a plain word mix rarely takes.
     */
    private static void readers(LuceneSearchEngine engine, int queries) {
        Random random = new Random(7);
        int n = Math.max(READERS.length, queries / 3);
        long[] nanos = new long[n];
        int partial = 0;
        int corrected = 0;
        for (int i = 0; i < n + READERS.length; i++) { // the first round warms up
            String query = READERS[random.nextInt(READERS.length)];
            long start = System.nanoTime();
            SearchResults results = engine.search(SearchQuery.simple(query));
            long took = System.nanoTime() - start;
            if (i >= READERS.length) {
                nanos[i - READERS.length] = took;
                partial += results.partialHits().isEmpty() ? 0 : 1;
                corrected += results.correction() != null && results.correction().applied() ? 1 : 0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%d readers' queries (%d took the partial path, %d corrected): p50 %.1f ms, "
                + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", n, partial, corrected, nanos[n / 2] / 1e6,
                nanos[(int) (n * 0.9)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
    }

    /**
     * The same documents through stock smartcn for every text field (what a plain Lucene setup would do), in the
     * same run, so the rebuild rate can be read as a ratio on a machine shared with other work.
     */
    private static void baseline(Path file, Path dir, int threads, long docs, double ourRate) throws Exception {
        org.apache.lucene.analysis.Analyzer smartcn = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
        try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(dir);
             org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(smartcn).setRAMBufferSizeMB(64)
                             .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE));
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            for (long i = 0; i < docs; i++) {
                Article a = article(i + 1, JSON.readTree(reader.readLine()));
                pool.execute(() -> {
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new org.apache.lucene.document.TextField("title", a.title(), org.apache.lucene.document.Field.Store.YES));
                    doc.add(new org.apache.lucene.document.TextField("summary", a.listSummary(), org.apache.lucene.document.Field.Store.YES));
                    doc.add(new org.apache.lucene.document.TextField("body", BodyHtml.plainText(a.bodyHtml()), org.apache.lucene.document.Field.Store.YES));
                    try {
                        writer.addDocument(doc);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            writer.commit();
            double rate = docs / ((System.nanoTime() - started) / 1e9);
            System.out.printf(Locale.ROOT, "baseline (stock smartcn on title, summary, body; first %d docs): %.0f docs/s;"
                    + " ours / baseline = %.2f%n", docs, rate, ourRate / rate);
        }
    }

    private static long[] run(LuceneSearchEngine engine, SearchIndex index, SearchProperties properties,
                              QueryBuilder builder, Random random, int queries) throws java.io.IOException {
        long[] nanos = new long[queries];
        java.util.Map<String, Long> partial = new java.util.LinkedHashMap<>();
        java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
        long hits = 0;
        long counted = 0;
        List<String> texts = queries(random, queries);
        for (int i = 0; i < queries; i++) {
            String query = texts.get(i);
            long start = System.nanoTime();
            SearchResults results = engine.search(SearchQuery.simple(query));
            nanos[i] = System.nanoTime() - start;
            hits += results.hits().size();
            counted += results.total();
            if (!results.partialHits().isEmpty()) {
                partial.put(query, results.total());
            }
            slowest.put(nanos[i], query + " (" + results.total() + (results.partialHits().isEmpty() ? "" : ", partial")
                    + ")");
            if (slowest.size() > 8) {
                slowest.pollFirstEntry();
            }
        }
        if (System.getenv("SHOW_SLOWEST") != null) {
            slowest.descendingMap().forEach((n, q) -> System.out.printf(Locale.ROOT, "  %.1f ms  %s%n", n / 1e6, q));
        }
        System.out.printf(Locale.ROOT, "  documents scored per query: %,d on average (a machine-independent measure of work)%n",
                counted / Math.max(1, queries));
        // The partial path's work is not in the total; counted again here, outside the timing (ADR 0053).
        long partialScored = 0;
        for (var entry : partial.entrySet()) {
            partialScored += QueryCosts.partialScored(index, properties, builder, entry.getKey(), entry.getValue(), true);
        }
        System.out.printf(Locale.ROOT, "  %d took the partial path, which scored %,d documents on average%n",
                partial.size(), partialScored / Math.max(1, partial.size()));
        if (hits == 0) {
            throw new IllegalStateException("no query found anything");
        }
        return nanos;
    }

    /** The next lines of {@code QUERY_FILE} (bench/gen_queries.py), wrapping around; null without it. */
    private static List<String> fileQueries(int count) {
        if (QUERY_FILE.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(QUERY_FILE.get(fileCursor++ % QUERY_FILE.size()));
        }
        return texts;
    }

    /** One- to three-word queries picked from {@link #WORDS}, or the next lines of {@code QUERY_FILE} when set. */
    private static List<String> queries(Random random, int count) {
        List<String> fromFile = fileQueries(count);
        if (fromFile != null) {
            return fromFile;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int words = 1 + random.nextInt(3);
            List<String> query = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                query.add(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(String.join(" ", query));
        }
        return texts;
    }

    /**
     * Region codes as production indexes them (issue 13): the tagger's regions for the article's text, with the
     * places above and the macro-regions (IndexedRegions), computed on the indexing threads.
     */
    private static void tagRegions(SearchIndex index, RegionTagger tagger) {
        index.useRegions(id -> codes(PENDING.remove(id), tagger));
    }

    /** The region codes the tagger gives an article as it is indexed (none for an article not read here). */
    static IndexedRegions.Codes codes(Article a, RegionTagger tagger) {
        if (a == null) {
            return new IndexedRegions.Codes(java.util.Set.of(), java.util.Set.of());
        }
        RegionTags tags = tagger.tag(a.title(), a.listSummary(), ArticleText.plain(a.bodyHtml(), RegionTagger.BODY_LIMIT));
        List<Region> all = new ArrayList<>(tags.others());
        all.add(0, tags.primary());
        return IndexedRegions.codes(all, tagger.directory());
    }

    private static long indexAll(Path file, SearchIndex index, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        AtomicLong done = new AtomicLong();
        long read = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Article> batch = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                Article article = article(++read, JSON.readTree(line));
                PENDING.put(article.id(), article);
                batch.add(article);
                if (batch.size() == IndexRebuilder.BATCH) {
                    submit(pool, inFlight, index, batch, done);
                    batch = new ArrayList<>();
                }
            }
            submit(pool, inFlight, index, batch, done);
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return done.get();
    }

    private static void submit(ExecutorService pool, Semaphore inFlight, SearchIndex index, List<Article> batch,
                               AtomicLong done) {
        inFlight.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                batch.forEach(index::upsert);
                long n = done.addAndGet(batch.size());
                if (n % 50_000 < batch.size()) {
                    System.out.printf("  %,d indexed%n", n);
                }
            } finally {
                inFlight.release();
            }
        });
    }

    static Article article(long id, JsonNode json) {
        String column = json.path("column").isArray() ? json.path("column").get(0).asString()
                : json.path("column").asString();
        long columnId = Math.max(1, Arrays.asList(COLUMNS).indexOf(column) + 1);
        String summary = json.path("summary").asString("");
        String body = BodyHtml.normalise(json.path("body").asString(""));
        return new Article(id, "bench-" + id, json.path("title").asString(), null, summary, summary, null, null, null,
                Kind.parse(json.path("kind").asString("")).orElse(Kind.NEWS), ArticleStatus.LIVE, false, columnId,
                null, java.time.OffsetDateTime.parse(json.path("published_at").asString()).toInstant(),
                null, 0, body, List.of(columnId), List.of());
    }
}
