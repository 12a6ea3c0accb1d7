package org.shegong.search.index;

import org.shegong.search.SearchProperties;
import org.shegong.search.analysis.LexiconSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.shegong.editorial.workflow.EditorialCopies;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.WorkflowRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.content.Article;
import org.shegong.content.ArticleSearchRepository;
import org.shegong.content.ArticleService;
import org.shegong.content.ContentFixture;
import org.shegong.content.importer.ImportReport;
import org.shegong.content.importer.Importers;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxBacklog;
import org.shegong.system.outbox.OutboxRelay;
import org.shegong.system.outbox.OutboxWriter;

/**
 * The indexer's two ways of following the outbox: article by article for a few events; one full rebuild for a
 * bulk import or a large backlog, after which the events it covers are passed over (docs/adr/0016).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SearchBackend.class)
class SearchIndexerTest {

    private static final int LIMIT = 550;

    @Parameter
    SearchBackend backend;
    String name;

    @TempDir
    Path dir;

    ContentFixture content;
    CountingArticles articles;
    LexiconSource lexicons;
    OutboxBacklog backlog;
    IndexStore index;
    IndexRebuilder rebuilder;
    SearchIndexer indexer;
    OutboxRelay relay;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(DatabaseTarget.H2));
        articles = new CountingArticles(content);
        lexicons = new LexiconSource(dir.toString(), content.clock);
        backlog = new OutboxBacklog(content.db.jdbc());
        name = SearchBackend.name("indexer");
        open(Duration.ofMillis(20));
    }

    private void open(Duration settle) {
        index = backend.open(dir.resolve("index"), lexicons.load(), name);
        rebuilder = new IndexRebuilder(index, articles, new EditorialCopies(new WorkflowRepository(content.db.jdbc()),
                new RevisionRepository(content.db.jdbc()), articles), SearchProperties.defaults(), lexicons,
                content.clock, backlog, settle);
        indexer = new SearchIndexer(index, rebuilder, backlog,
                new IndexMaintenance(null, index, rebuilder, lexicons, null), LIMIT);
        relay = new OutboxRelay(content.db.jdbc(), List.of(indexer), content.clock,
                org.shegong.system.NodeId.of("test"), content.db.transactions().getTransactionManager());
    }

    @AfterEach
    void close() throws InterruptedException {
        rebuilder.destroy();
        index.close();
    }

    @Test
    void aFewEventsAreFollowedArticleByArticle() throws IOException {
        importNormally(10);
        relay.drain();
        assertThat(articles.finds.get()).isEqualTo(10);
        assertThat(rebuilder.progress().total()).isZero(); // no rebuild ran
        assertThat(index.documentCount()).isEqualTo(10);
    }

    @Test
    void aBulkImportIsIndexedByOneRebuildAndLaterEventsArticleByArticle() throws Exception {
        Importers.bulkOn(content, 8).importJsonLines(jsonLines(30), n -> { });
        long bulkEvent = backlog.latestId();
        relay.drain();
        awaitRebuilt();
        assertThat(index.documentCount()).isEqualTo(30);
        assertThat(articles.finds.get()).isZero();
        assertThat(index.coveredUpTo()).isEqualTo(bulkEvent);
        assertThat(index.needsRebuild()).isFalse();

        content.publish("later", "后来的一条", Instant.parse("2021-09-01T00:00:00Z"), "news");
        relay.drain();
        assertThat(articles.finds.get()).isEqualTo(1);
        assertThat(index.documentCount()).isEqualTo(31);

        // What the rebuild covered survives a restart of the index, so its events are not redone after one.
        close();
        open(Duration.ofMillis(20));
        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.coveredUpTo()).isEqualTo(bulkEvent);
    }

    @Test
    void aBacklogAboveTheLimitIsRebuiltAndWhatTheRebuildCoversIsPassedOver() throws Exception {
        importNormally(LIMIT + 50); // more than the relay hands over at once: the rest is counted in the outbox
        relay.drain();
        awaitRebuilt();
        assertThat(rebuilder.progress().done()).isEqualTo(LIMIT + 50);
        assertThat(index.documentCount()).isEqualTo(LIMIT + 50);
        assertThat(articles.finds.get()).isZero();
        assertThat(index.coveredUpTo()).isEqualTo(backlog.latestId());
    }

    @Test
    void aRebuildAskedForWhileOneRunsRunsAgainAfterItAndCoversEverythingUntilThen() throws Exception {
        close();
        open(Duration.ofMillis(500)); // long enough to ask while the first one still waits
        importNormally(3);
        long first = backlog.latestId();
        assertThat(rebuilder.startInBackground()).isTrue();
        content.publish("meanwhile", "其间发布的一条", Instant.parse("2021-09-01T00:00:00Z"), "news");
        rebuilder.requestRebuild();
        assertThat(rebuilder.coveredUpTo()).isEqualTo(Long.MAX_VALUE);
        awaitRebuilt();
        assertThat(index.coveredUpTo()).isGreaterThan(first).isEqualTo(backlog.latestId());
        assertThat(index.documentCount()).isEqualTo(4);
        assertThat(index.needsRebuild()).isFalse();
    }

    @Test
    void anAskedForRebuildIsRecordedBeforeTheEventCountsAsHandled() throws Exception {
        rebuilder.rebuild(n -> { });
        assertThat(index.needsRebuild()).isFalse();
        close();
        open(Duration.ofSeconds(30)); // the rebuild will not get past its wait before the "crash"
        Importers.bulkOn(content, 8).importJsonLines(jsonLines(3), n -> { });
        relay.drain(); // the relay now stores its position past the bulk event
        close();
        open(Duration.ofMillis(20));
        assertThat(index.needsRebuild()).isTrue();
    }

    private long latestEvent() {
        return content.db.jdbc().sql("SELECT COALESCE(MAX(id), 0) FROM outbox_event").query(Long.class).single();
    }

    @Test
    void aNodeThatMayHaveMissedEventsRebuildsItsIndexUnlessItIsBuiltAtStartAnyway() throws Exception {
        importNormally(3);
        assertThat(index.needsRebuild()).isTrue(); // a new node's empty index: SearchStartup builds it
        indexer.missedEvents(latestEvent());
        assertThat(rebuilder.progress().running()).isFalse();
        rebuilder.rebuild(n -> { });

        // A complete rebuild read every event so far (the reindex command before a first start): nothing is missed.
        indexer.missedEvents(latestEvent());
        assertThat(rebuilder.progress().running()).isFalse();
        assertThat(index.needsRebuild()).isFalse();

        // Written while this node was away, and pruned before it came back.
        content.publish("away-1", "节点离开时发布的第一条", Instant.parse("2021-09-01T00:00:00Z"), "news");
        content.publish("away-2", "节点离开时发布的第二条", Instant.parse("2021-09-02T00:00:00Z"), "news");
        indexer.missedEvents(latestEvent());
        awaitWithin(20_000, () -> rebuilder.progress().done() == 5 && !rebuilder.progress().running());
        assertThat(index.documentCount()).isEqualTo(5);
    }

    @Test
    void anotherNodesRebuildRequestDictionaryChangeOrRegionTagsReachThisNodesIndex() throws Exception {
        importNormally(4);
        rebuilder.rebuild(n -> { });
        relay.drain();

        // Region tags as another node writes them: the event is followed only when the codes differ from those
        // this node last indexed the article with (the tagging node has usually indexed them already).
        java.util.Map<Long, String> tags = new java.util.concurrent.ConcurrentHashMap<>();
        index.useRegions(id -> new IndexedRegions.Codes(java.util.Set.of(tags.getOrDefault(id, "000000")),
                java.util.Set.of()));
        long tagged = content.db.jdbc().sql("SELECT MIN(id) FROM article").query(Long.class).single();
        event(org.shegong.system.outbox.OutboxEvent.EDITORIAL_CHANGED, tagged, null);
        relay.drain();
        int reads = articles.finds.get();
        event(org.shegong.system.outbox.OutboxEvent.REGIONS_CHANGED, tagged, "000000");
        relay.drain();
        assertThat(articles.finds.get()).as("indexed with these codes already").isEqualTo(reads);
        tags.put(tagged, "210000");
        event(org.shegong.system.outbox.OutboxEvent.REGIONS_CHANGED, tagged, "210000");
        relay.drain();
        assertThat(articles.finds.get()).as("the re-tagged article is read again").isGreaterThan(reads);

        for (String[] event : List.of(new String[] {IndexMaintenance.REBUILD_REQUESTED, null},
                new String[] {IndexMaintenance.VOCABULARY_CHANGED, "words"})) {
            long rebuiltBefore = index.lastRebuild().finishedAt().toEpochMilli();
            content.clock.advance(Duration.ofMinutes(1));
            event(event[0], 0, event[1]);
            relay.drain();
            awaitWithin(20_000, () -> index.lastRebuild().finishedAt().toEpochMilli() > rebuiltBefore
                    && !rebuilder.progress().running());
        }
        event(IndexMaintenance.VOCABULARY_CHANGED, 0, "synonyms"); // applied at once, no rebuild
        relay.drain();
        assertThat(rebuilder.progress().running()).isFalse();
    }

    private void event(String type, long aggregate, String payload) {
        content.db.transactions().executeWithoutResult(s -> new OutboxWriter(content.db.jdbc(), content.clock)
                .append(type, aggregate, payload));
    }

    private void awaitRebuilt() throws InterruptedException {
        awaitWithin(20_000, () -> !rebuilder.progress().running() && !index.needsRebuild());
    }


    private void importNormally(int count) throws IOException {
        ImportReport report = Importers.on(content).importJsonLines(jsonLines(count), n -> { });
        assertThat(report.created()).isEqualTo(count);
    }

    private static ByteArrayInputStream jsonLines(int count) {
        String file = IntStream.range(0, count).mapToObj(i -> ("{\"id\":\"s%d\",\"column\":\"行业动态\",\"title\":\"社工站第%d条\","
                + "\"body\":\"社会工作服务站开展服务。\",\"published_at\":\"2021-08-27\"}").formatted(i, i))
                .collect(Collectors.joining("\n"));
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts the one-by-one reads that following events article by article costs. */
    private static final class CountingArticles extends ArticleService {

        final AtomicInteger finds = new AtomicInteger();

        CountingArticles(ContentFixture content) {
            super(content.articles, new ArticleSearchRepository(content.db.jdbc()), content.listings,
                    new OutboxWriter(content.db.jdbc(), content.clock),
                    new org.shegong.content.similar.NearDuplicates(content.db.jdbc()), content.clock);
        }

        @Override
        public Optional<Article> find(long id) {
            finds.incrementAndGet();
            return super.find(id);
        }
    }
}
