package org.shegong.search.query;

import org.shegong.search.SearchHit;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.index.ArticleDocuments;
import org.shegong.search.index.IndexRebuilder;
import org.shegong.search.index.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.search.index.SearchBackend;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;

/** The two-stage ranking of ADR 0018: ties newest first, early termination, pages that never overlap. */
class RankedSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(SearchBackend.class)
    void pagesBeyondTheRescoredCandidatesNeitherRepeatNorSkip(SearchBackend backend) {
        SearchFixture fixture = SearchFixture.shared(backend);
        SearchResults first = fixture.engine.search(SearchQuery.simple("社会工作"));
        assertThat(first.total()).as("the corpus must reach past the rescored window")
                .isGreaterThan(RankedSearch.WINDOW + 40);
        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= first.pages(); page++) {
            SearchResults results = fixture.engine.search(SearchQuery.reader("社会工作", null, null, null, null,
                    SearchQuery.Sort.RELEVANCE, page));
            results.hits().forEach(h -> seen.add(h.articleId()));
        }
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat((long) seen.size()).isEqualTo(Math.min(first.total(), 20L * first.pages()));
    }

    @ParameterizedTest
    @EnumSource(SearchBackend.class)
    void beyondTheRescoredCandidatesEqualScoresComeNewestFirst(SearchBackend backend) {
        SearchFixture fixture = SearchFixture.shared(backend);
        List<SearchHit> deep = new ArrayList<>();
        for (int page = RankedSearch.WINDOW / 20 + 1; page <= RankedSearch.WINDOW / 20 + 3; page++) {
            deep.addAll(fixture.engine.search(SearchQuery.reader("社会工作", null, null, null, null,
                    SearchQuery.Sort.RELEVANCE, page)).hits());
        }
        assertThat(deep).hasSizeGreaterThan(20);
        for (int i = 1; i < deep.size(); i++) {
            SearchHit before = deep.get(i - 1);
            SearchHit after = deep.get(i);
            assertThat(after.score()).isLessThanOrEqualTo(before.score());
            if (after.score() == before.score()) {
                assertThat(after.publishedAt()).isBeforeOrEqualTo(before.publishedAt());
            }
        }
    }

    /**
     * 3,000 articles with the word in the title, written in random date order over several segments: the first
     * page is the newest twenty, and the count stops early ("1000+") because nothing older can beat them.
     */
    @Test
    void manyEqualMatchesStopEarlyAndTheNewestWin(@TempDir Path dir) {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            long generation = index.startGeneration();
            java.util.Random random = new java.util.Random(3);
            List<Instant> dates = new ArrayList<>();
            for (int i = 1; i <= 3_000; i++) {
                Instant published = NOW.minus(Duration.ofMinutes(random.nextInt(5_000_000)));
                dates.add(published);
                index.upsert(article(i, "关于社工站建设的通知 " + i, published));
                if (i % 700 == 0) {
                    index.commitAndRefresh(); // several segments
                }
            }
            index.finishGeneration(generation);
            LuceneSearchEngine engine = withoutRecency(index);
            SearchResults results = engine.search(SearchQuery.simple("社工站"));
            assertThat(results.totalIsLowerBound()).isTrue();
            assertThat(results.total()).isLessThan(3_000);
            List<Instant> newest = dates.stream().sorted(java.util.Comparator.reverseOrder()).limit(20).toList();
            assertThat(results.hits()).extracting(SearchHit::publishedAt).containsExactlyElementsOf(newest);
        }
    }

    /**
     * Stage two's phrase bonus: of two articles with both words in the title, the one that has them side by side ranks
     * first though older, ahead by exactly the bonus (phrase boost times title boost); a segment in between holds none
     * of the phrase's bigrams. No test covered the bonus before (session 31).
     */
    @Test
    void theWordsSideBySideInATitleAddExactlyThePhraseBonus(@TempDir Path dir) {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            long generation = index.startGeneration();
            index.upsert(article(1, "社区治理的经验交流", NOW.minus(Duration.ofDays(30))));
            index.commitAndRefresh();
            for (int i = 10; i < 40; i++) {
                index.upsert(article(i, "通知 " + i, NOW.minus(Duration.ofDays(i))));
            }
            index.commitAndRefresh();
            index.upsert(article(2, "社区的治理经验交流", NOW.minus(Duration.ofDays(1))));
            index.finishGeneration(generation);
            LuceneSearchEngine engine = withoutRecency(index);
            List<SearchHit> hits = engine.search(SearchQuery.simple("社区 治理")).hits();
            assertThat(hits).extracting(SearchHit::articleId).containsExactly(1L, 2L);
            assertThat(hits.get(0).score() - hits.get(1).score()).isEqualTo(2f * 3f);
        }
    }

    /** The partial matches' bound (ADR 0053): a search stops once it has scored as many documents as it may. */
    @Test
    void aBoundedScanStopsAfterScoringItsLimit(@TempDir Path dir) throws Exception {
        withOlderIsBetter(dir, (searcher, olderIsBetter) -> {
            assertThat(ids(searcher, RankedSearch.topAmongNewest(searcher, olderIsBetter, 5, 100, null)))
                    .containsExactly(100L, 99L, 98L, 97L, 96L);
            assertThat(ids(searcher, RankedSearch.topAmongNewest(searcher, olderIsBetter, 5, 5_000, null)))
                    .containsExactly(1_000L, 999L, 998L, 997L, 996L);
        });
    }

    /** The full matches' bound (ADR 0054) works the same way with the rescoring stage. */
    @Test
    void aBoundedFullSearchRanksOnlyTheNewestItScored(@TempDir Path dir) throws Exception {
        withOlderIsBetter(dir, (searcher, olderIsBetter) -> {
            Query noBonus = new org.apache.lucene.search.MatchNoDocsQuery();
            assertThat(ids(searcher, RankedSearch.top(searcher, olderIsBetter, noBonus, 5, 1_000, 200, null)))
                    .containsExactly(200L, 199L, 198L, 197L, 196L);
            assertThat(ids(searcher, RankedSearch.top(searcher, olderIsBetter, noBonus, 5, 1_000, null)))
                    .containsExactly(1_000L, 999L, 998L, 997L, 996L);
        });
    }

    /**
     * A search split over a helper (an idle server) and one run in a single part on the request's thread (a crowded
     * one, see SearchGate.crowded) rank the same articles in the same order with the same scores and count: many ties
     * across segments, a count that stops early, and a second page.
     */
    @Test
    void aSearchSplitOverHelpersFindsWhatOnePartFinds(@TempDir Path dir) throws Exception {
        String[] words = {"养老", "儿童", "督导", "社区"};
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            long generation = index.startGeneration();
            java.util.Random random = new java.util.Random(11);
            for (int i = 1; i <= 3_000; i++) {
                StringBuilder title = new StringBuilder();
                for (String word : words) {
                    if (random.nextInt(3) == 0) {
                        title.append(word).append("服务");
                    }
                }
                index.upsert(article(i, title + "通知 " + i, NOW.minus(Duration.ofMinutes(random.nextInt(5_000_000)))));
                if (i % 400 == 0) {
                    index.commitAndRefresh();
                }
            }
            index.finishGeneration(generation);
            org.apache.lucene.search.BooleanQuery.Builder any = new org.apache.lucene.search.BooleanQuery.Builder();
            for (int w = 0; w < words.length; w++) {
                any.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.TermQuery(
                        new org.apache.lucene.index.Term(ArticleDocuments.TITLE, words[w])), w + 1f),
                        org.apache.lucene.search.BooleanClause.Occur.SHOULD);
            }
            Query query = any.build();
            Query noBonus = new org.apache.lucene.search.MatchNoDocsQuery();
            java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor();
            IndexSearcher searcher = index.acquire();
            try {
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(2);
                for (int n : new int[] {20, 40, 100}) {
                    TopDocs split = RankedSearch.top(searcher, query, noBonus, n, 1_000, helper);
                    TopDocs whole = RankedSearch.top(searcher, query, noBonus, n, 1_000, null);
                    assertThat(split.scoreDocs).hasSize(n);
                    assertThat(ids(searcher, split)).containsExactlyElementsOf(ids(searcher, whole));
                    assertThat(split.scoreDocs).extracting(d -> d.score)
                            .containsExactlyElementsOf(java.util.Arrays.stream(whole.scoreDocs).map(d -> d.score).toList());
                    assertThat(split.totalHits.relation).isEqualTo(whole.totalHits.relation);
                }
            } finally {
                index.release(searcher);
                helper.shutdownNow();
            }
        }
    }

    private interface SearchCheck {
        void check(IndexSearcher searcher, Query olderIsBetter) throws IOException;
    }

    /**
     * 1,000 articles where every one is more competitive than the newer ones (a score that grows with age), so
     * nothing can be skipped: only a bound stops the search before the oldest.
     */
    private static void withOlderIsBetter(Path dir, SearchCheck check) throws IOException {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            long generation = index.startGeneration();
            for (int i = 1; i <= 1_000; i++) {
                index.upsert(article(i, "通知 " + i, NOW.minus(Duration.ofHours(i))));
            }
            index.finishGeneration(generation);
            IndexSearcher searcher = index.acquire();
            try {
                check.check(searcher, LongPoint.newDistanceFeatureQuery(ArticleDocuments.PUBLISHED, 1f,
                        NOW.minus(Duration.ofHours(5_000)).toEpochMilli(), Duration.ofHours(1).toMillis()));
            } finally {
                index.release(searcher);
            }
        }
    }

    private static List<Long> ids(IndexSearcher searcher, TopDocs top) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get(ArticleDocuments.ID)));
        }
        return ids;
    }

    @Test
    void weightsThatDoNotRankTitleAboveSummaryAboveBodyAreRejected() {
        assertThatThrownBy(() -> new SearchProperties(1f, 1.5f, 1f, 2f, 0.6f, 1f, Duration.ofDays(365), 100, 12,
                20, 50, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title-boost");
    }

    /** The default weights without the recency bonus, so that scores are the place weights and bonuses alone. */
    private static LuceneSearchEngine withoutRecency(SearchIndex index) {
        SearchProperties noRecency = new SearchProperties(3f, 1.5f, 1f, 2f, 0.6f, 0f, Duration.ofDays(365), 100, 12,
                20, 50, 2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new LuceneSearchEngine(index, new IndexRebuilder(index, null, null, noRecency, null, clock, null),
                noRecency, clock);
    }

    private static Article article(long id, String title, Instant published) {
        return new Article(id, "r-" + id, title, null, "", "", null, null, null, Kind.NEWS, ArticleStatus.LIVE,
                false, 1L, null, published, published, 0, "<p>正文</p>", List.of(1L), List.of());
    }

}
