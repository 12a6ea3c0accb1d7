package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.search.analysis.Lexicon;

/** A rebuild's segments are merged into a few of similar size (ADR 0061), with every document still there. */
class SearchIndexCompactionTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void manySegmentsBecomeAFewEvenOnesAndNothingIsLost(@TempDir Path dir) {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            long generation = index.startGeneration();
            for (int i = 1; i <= 900; i++) {
                index.upsert(article(i, i % 3 == 0 ? "社工站开始服务 " + i : "养老服务中心揭牌 " + i));
                if (i % 100 == 0) {
                    index.commitAndRefresh(); // one segment each
                }
            }
            index.finishGeneration(generation);
            assertThat(segments(index)).isGreaterThan(SearchIndex.COMPACT_SEGMENTS);
            int before = index.count(new TermQuery(new Term(ArticleDocuments.TITLE, "社工站")));

            int[] counts = index.compact();

            assertThat(counts[1]).isEqualTo(segments(index)).isLessThanOrEqualTo(SearchIndex.COMPACT_SEGMENTS)
                    .isGreaterThan(1);
            assertThat(index.documentCount()).isEqualTo(900);
            assertThat(index.count(new TermQuery(new Term(ArticleDocuments.TITLE, "社工站")))).isEqualTo(before)
                    .isEqualTo(300);
            assertThat(index.compact()).containsExactly(counts[1], counts[1]);
        }
        try (SearchIndex reopened = new SearchIndex(dir, Lexicon.load(null))) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(segments(reopened)).isLessThanOrEqualTo(SearchIndex.COMPACT_SEGMENTS);
            assertThat(reopened.documentCount()).isEqualTo(900);
        }
    }

    private static int segments(SearchIndex index) {
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            index.release(searcher);
        }
    }

    private static Article article(long id, String title) {
        Instant published = NOW.minus(Duration.ofHours(id));
        return new Article(id, "c-" + id, title, null, "", "", null, null, null, Kind.NEWS, ArticleStatus.LIVE,
                false, 1L, null, published, published, 0, "<p>" + title + "，居民就近可找到社工。</p>", List.of(1L),
                List.of());
    }
}
