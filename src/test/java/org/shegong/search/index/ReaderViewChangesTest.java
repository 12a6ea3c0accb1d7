package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.search.WorkingCopy;
import org.shegong.search.analysis.Lexicon;

/**
 * Each move of the readers' view names the readers' documents that moved it (ADR 0068), with a searcher from before
 * and one from after, so that the result cache can keep what those documents cannot change.
 */
class ReaderViewChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aPublicationNamesItsDocumentWithTheViewsOnBothSides(@TempDir Path dir) throws IOException {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            index.upsert(article(1, "养老服务中心揭牌"));
            index.commitAndRefresh();
            List<ViewChange> changes = listen(index);
            long view = index.readerView();

            index.upsert(article(2, "社工站开始服务"));
            index.upsert(article(1, "养老服务中心揭牌仪式"));
            index.commitAndRefresh();

            assertThat(changes).hasSize(1);
            try (ViewChange change = changes.get(0)) {
                assertThat(change.from()).isEqualTo(view);
                assertThat(change.to()).isEqualTo(index.readerView()).isEqualTo(view + 1);
                assertThat(change.everything()).isFalse();
                assertThat(change.size()).isEqualTo(2);
                TermQuery station = new TermQuery(new Term(ArticleDocuments.TITLE, "社工站"));
                assertThat(change.before().count(station)).isZero();
                assertThat(change.after().count(station)).isEqualTo(1);
                assertThat(change.before().count(change.documents())).isEqualTo(1);
                assertThat(change.after().count(change.documents())).isEqualTo(2);
            }
        }
    }

    @Test
    void aWorkingCopyMovesNoViewAndAWithdrawalNamesWhatLeft(@TempDir Path dir) throws IOException {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            index.upsert(article(1, "养老服务中心揭牌"));
            index.commitAndRefresh();
            List<ViewChange> changes = listen(index);
            long view = index.readerView();

            index.upsertWorking(new WorkingCopy(article(1, "养老服务中心揭牌（修改中）"), java.util.Set.of("draft"), null));
            index.commitAndRefresh();
            assertThat(changes).isEmpty();
            assertThat(index.readerView()).isEqualTo(view);

            index.delete(1);
            index.commitAndRefresh();
            assertThat(changes).hasSize(1);
            try (ViewChange change = changes.get(0)) {
                assertThat(change.size()).isEqualTo(1);
                assertThat(change.before().count(change.documents())).isEqualTo(1);
                assertThat(change.after().count(change.documents())).isZero();
            }
        }
    }

    @Test
    void aRebuildOrABulkOfDocumentsIsEverything(@TempDir Path dir) {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            List<ViewChange> changes = listen(index);
            for (int i = 1; i <= ViewChange.MAX_DOCUMENTS + 1; i++) {
                index.upsert(article(i, "社工站开始服务 " + i));
            }
            index.commitAndRefresh();
            long generation = index.startGeneration();
            index.upsert(article(1, "社工站开始服务"));
            index.finishGeneration(generation); // removes what earlier generations wrote: documents not named

            assertThat(changes).hasSize(2).allMatch(ViewChange::everything);
            assertThat(changes.get(0).documents()).isNull();
            changes.forEach(ViewChange::close);
        }
    }

    @Test
    void twoChangesInARowAreOneFromTheFirstToTheLast(@TempDir Path dir) throws IOException {
        try (SearchIndex index = new SearchIndex(dir, Lexicon.load(null))) {
            List<ViewChange> changes = listen(index);
            index.upsert(article(1, "养老服务中心揭牌"));
            index.commitAndRefresh();
            index.upsert(article(2, "社工站开始服务"));
            index.commitAndRefresh();
            assertThat(changes).hasSize(2);

            try (ViewChange both = changes.get(0).then(changes.get(1))) {
                assertThat(both.from()).isEqualTo(changes.get(0).from());
                assertThat(both.to()).isEqualTo(changes.get(1).to());
                assertThat(both.size()).isEqualTo(2);
                assertThat(both.before().count(both.documents())).isZero();
                assertThat(both.after().count(both.documents())).isEqualTo(2);
            }
        }
    }

    private static List<ViewChange> listen(SearchIndex index) {
        List<ViewChange> changes = new ArrayList<>();
        index.onReaderViewChange(changes::add);
        return changes;
    }

    private static Article article(long id, String title) {
        Instant published = NOW.minus(Duration.ofHours(id));
        return new Article(id, "c-" + id, title, null, "", "", null, null, null, Kind.NEWS, ArticleStatus.LIVE,
                false, 1L, null, published, published, 0, "<p>" + title + "，居民就近可找到社工。</p>", List.of(1L),
                List.of());
    }
}
