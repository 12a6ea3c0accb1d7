package org.shegong.search.index;

import org.shegong.search.SearchHit;
import org.shegong.search.SearchProperties;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.LexiconSource;
import org.shegong.search.SearchEngine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.shegong.editorial.workflow.EditorialCopies;
import org.shegong.editorial.workflow.Revision;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.RevisionRepository;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleStatus;
import org.shegong.content.ContentFixture;
import org.shegong.content.Kind;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * The editors' side of the index on H2, PostgreSQL and MariaDB: a rebuild and the outbox's sync write drafts,
 * withdrawn articles and pending revisions for editors only, one document per article, with their stages; readers
 * find live articles' public text and nothing else.
 */
@ParameterizedClass(name = "{0} {1}")
@MethodSource("targets")
class EditorsIndexTest {

    private static final Instant T = Instant.parse("2026-10-01T02:00:00Z");

    @Parameter(0)
    DatabaseTarget target;

    @Parameter(1)
    SearchBackend backend;

    /** Every database with the Lucene backend; the OpenSearch backend on H2 (the index does not see the database). */
    static Stream<Arguments> targets() {
        return Stream.concat(Stream.of(DatabaseTarget.values()).map(t -> Arguments.of(t, SearchBackend.LUCENE)),
                Stream.of(Arguments.of(DatabaseTarget.H2, SearchBackend.OPENSEARCH)));
    }

    String name;

    ContentFixture content;
    WorkflowRepository workflows;
    RevisionRepository revisions;
    IndexStore index;
    IndexRebuilder rebuilder;
    SearchEngine engine;
    Path dir;
    long news;

    @BeforeEach
    void setUp() throws IOException {
        content = new ContentFixture(TestDatabase.fresh(target));
        workflows = new WorkflowRepository(content.db.jdbc());
        revisions = new RevisionRepository(content.db.jdbc());
        news = content.column("news").id();
        dir = Files.createTempDirectory("shegong-editors-index");
        LexiconSource lexicons = new LexiconSource(dir.toString(), content.clock);
        name = SearchBackend.name("editors");
        index = backend.open(dir.resolve("index"), lexicons.load(), name);
        SearchProperties properties = SearchProperties.defaults();
        rebuilder = new IndexRebuilder(index, content.service, new EditorialCopies(workflows, revisions,
                content.service), properties, lexicons, content.clock,
                new org.shegong.system.outbox.OutboxBacklog(content.db.jdbc()));
        engine = backend.engine(index, rebuilder, properties, content.clock);
    }

    @AfterEach
    void close() {
        index.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void aRebuildWritesWorkingCopiesThatOnlyEditorsFindOncePerArticle() {
        long live = article("live", "青松岭社工站开放", "青松岭街道社会工作服务站对居民开放。", ArticleStatus.LIVE);
        long draft = article("draft", "白桦林社区服务草稿", "白桦林社区的社会工作服务方案。", ArticleStatus.DRAFT);
        workflows.insert(record(draft, WorkflowState.IN_REVIEW, 1, null, false), null);
        long withdrawn = article("gone", "红枫坡项目通报", "红枫坡项目已经结束。", ArticleStatus.WITHDRAWN);
        long pending = article("pending", "紫藤园旧标题", "紫藤园项目的旧正文写着石榴巷。", ArticleStatus.LIVE);
        revise(pending, 1, "紫藤园旧标题", "紫藤园项目的旧正文写着石榴巷。");
        revise(pending, 2, "紫藤园新标题", "紫藤园项目的新正文写着银杏巷。");
        workflows.insert(record(pending, WorkflowState.APPROVED, 2, 1, true), null);

        assertThat(rebuilder.countToIndex()).isEqualTo(5);
        assertThat(rebuilder.rebuild(n -> { })).isEqualTo(5);

        assertThat(readers("青松岭")).containsExactly(live);
        assertThat(readers("白桦林")).isEmpty();
        assertThat(readers("红枫坡")).isEmpty();
        assertThat(readers("银杏巷")).as("a pending revision stays off the site").isEmpty();
        assertThat(readers("石榴巷")).containsExactly(pending);

        assertThat(editors("青松岭", null)).containsExactly(live);
        assertThat(editors("青松岭", "LIVE")).containsExactly(live);
        assertThat(editors("白桦林", null)).containsExactly(draft);
        assertThat(editors("白桦林", "IN_REVIEW")).containsExactly(draft);
        assertThat(editors("白桦林", "DRAFT")).isEmpty();
        assertThat(editors("红枫坡", "WITHDRAWN")).containsExactly(withdrawn);
        assertThat(editors("银杏巷", "APPROVED")).containsExactly(pending);
        assertThat(editors("银杏巷", "LIVE")).containsExactly(pending);
        assertThat(editors("石榴巷", null)).as("found by its live text too, once").containsExactly(pending);
        assertThat(editors("紫藤园", null)).containsExactly(pending);
        SearchHit shown = engine.search(SearchQuery.editors("紫藤园", null, null, null, SearchQuery.Sort.RELEVANCE, 1))
                .hits().get(0);
        assertThat(shown.titleHtml()).contains("新标题");
        assertThat(index.publicDocumentCount()).isEqualTo(2);
        assertThat(index.documentCount()).isEqualTo(5);
        assertThat(index.lastRebuild().documents()).isEqualTo(5);

        FinishedRebuild recorded = index.lastRebuild();
        index.close();
        index = backend.open(dir.resolve("index"), Lexicon.load(null), name);
        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.lastRebuild()).as("kept in the commit across a restart").isEqualTo(recorded);
    }

    @Test
    void syncFollowsAnArticleFromDraftToLiveToPendingToWithdrawn() {
        rebuilder.rebuild(n -> { });
        long id = article("story", "金沙滩社工站草稿", "金沙滩社工站的筹备情况。", ArticleStatus.DRAFT);
        workflows.insert(record(id, WorkflowState.DRAFT, 1, null, false), null);
        sync(id);
        assertThat(editors("金沙滩", "DRAFT")).containsExactly(id);
        assertThat(readers("金沙滩")).isEmpty();

        content.db.transactions().executeWithoutResult(s -> content.service.replace(id, input("story",
                "金沙滩社工站开放", "金沙滩社工站的筹备情况。", ArticleStatus.LIVE)));
        revise(id, 1, "金沙滩社工站开放", "金沙滩社工站的筹备情况。");
        move(id, record(id, WorkflowState.LIVE, 1, 1, true));
        sync(id);
        assertThat(readers("金沙滩")).containsExactly(id);
        assertThat(editors("金沙滩", null)).containsExactly(id);
        assertThat(editors("金沙滩", "DRAFT")).isEmpty();

        revise(id, 2, "金沙滩社工站开放", "金沙滩社工站新增了海螺湾服务点。");
        move(id, record(id, WorkflowState.DRAFT, 2, 1, true));
        sync(id);
        assertThat(editors("海螺湾", "DRAFT")).containsExactly(id);
        assertThat(readers("海螺湾")).isEmpty();
        assertThat(editors("筹备情况", null)).as("the live text, one document").containsExactly(id);
        assertThat(readers("筹备情况")).containsExactly(id);

        content.db.transactions().executeWithoutResult(s -> content.service.withdraw(id));
        move(id, record(id, WorkflowState.WITHDRAWN, 2, 1, false));
        sync(id);
        assertThat(readers("金沙滩")).isEmpty();
        assertThat(editors("海螺湾", "WITHDRAWN")).as("the newest revision, not the withdrawn row").containsExactly(id);
        assertThat(index.documentCount()).isEqualTo(1);
    }

    private void sync(long id) {
        index.lock().lock();
        try {
            rebuilder.sync(List.of(id));
        } finally {
            index.lock().unlock();
        }
        index.commitAndRefresh();
    }

    private List<Long> readers(String q) {
        return ids(engine.search(SearchQuery.simple(q)));
    }

    private List<Long> editors(String q, String stage) {
        return ids(engine.search(SearchQuery.editors(q, null, null, stage, SearchQuery.Sort.RELEVANCE, 1)));
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::articleId).toList();
    }

    private long article(String externalId, String title, String body, ArticleStatus status) {
        return content.db.transactions().execute(s -> content.service.save(input(externalId, title, body, status)))
                .id();
    }

    private ArticleInput input(String externalId, String title, String body, ArticleStatus status) {
        return new ArticleInput(externalId, title, null, null, "<p>" + body + "</p>", "民政部", null, null, Kind.NEWS,
                false, List.of(news), List.of(), null, status == ArticleStatus.DRAFT ? null : T, status);
    }

    private void revise(long id, int number, String title, String body) {
        revisions.insert(new Revision(id, number, number - 1, new RevisionContent(title, null, null,
                "<p>" + body + "</p>", "民政部", null, null, Kind.NEWS, false, List.of(news), List.of(), null, null), 1L,
                "编辑", T, false));
    }

    private void move(long id, WorkflowRecord next) {
        WorkflowRecord current = workflows.find(id).orElseThrow();
        assertThat(workflows.compareAndSet(next, current.version(), null)).isTrue();
    }

    private WorkflowRecord record(long id, WorkflowState state, int latest, Integer liveRevision, boolean live) {
        return new WorkflowRecord(id, state, state == WorkflowState.IN_REVIEW ? 1 : 0, null, news, latest,
                liveRevision, live, null, null, null, T, 0, java.util.List.of());
    }
}
