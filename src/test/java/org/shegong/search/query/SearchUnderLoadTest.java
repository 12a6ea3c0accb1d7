package org.shegong.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.system.Await.awaitWithin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.index.SearchIndex;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxFollowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The readers' search under load (ADR 0061), in the whole application: a repeated search is answered from the
 * result cache, a publication is found at once all the same, and with every place of the search gate taken a search
 * that is not cached gets the Chinese 503 page (or problem details from the API) with Retry-After, and a cached one
 * whose 地区 counts are not is shown without them.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:searchload;DB_CLOSE_DELAY=-1",
        "shegong.search.load.max-concurrent=1", "shegong.search.load.max-queued=0",
        "shegong.search.load.retry-after=9s"})
@AutoConfigureMockMvc
class SearchUnderLoadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LuceneSearchEngine engine;

    @Autowired
    SearchGate gate;

    @Autowired
    ArticleService articles;

    @Autowired
    ColumnService columns;

    @Autowired
    SearchIndex index;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void indexIsReady() {
        awaitWithin(30_000, () -> !engine.status().rebuilding() && engine.search(SearchQuery.simple("社工站")).total() > 0);
    }

    @Test
    void aRepeatedSearchIsAMapLookupAndTheSameAnswer() {
        SearchQuery query = SearchQuery.simple("社会工作 督导");
        SearchResults first = engine.search(query);
        long hits = engine.resultCache().hits();
        SearchResults again = engine.search(SearchQuery.simple("  社会工作   督导 "));
        assertThat(engine.resultCache().hits()).isEqualTo(hits + 1);
        assertThat(again).isSameAs(first);
        // Another page, sort or filter is another question.
        engine.search(SearchQuery.reader("社会工作 督导", null, null, null, null, SearchQuery.Sort.NEWEST, 1));
        assertThat(engine.resultCache().hits()).isEqualTo(hits + 1);
    }

    @Test
    void aPublicationIsFoundAtOnceThoughTheQueryWasCached() {
        assertThat(ids("鹈鹕岬")).isEmpty();
        long hits = engine.resultCache().hits();
        assertThat(ids("鹈鹕岬")).isEmpty();
        assertThat(engine.resultCache().hits()).as("the empty answer was cached").isEqualTo(hits + 1);

        long id = articles.save(input("鹈鹕岬社工站开始服务", ArticleStatus.LIVE)).id();
        awaitWithin(2_000, () -> ids("鹈鹕岬").contains(id));

        articles.save(input("鹈鹕岬社工站开始服务", ArticleStatus.WITHDRAWN));
        awaitWithin(2_000, () -> ids("鹈鹕岬").isEmpty());
    }

    @Test
    void anEditorsAutosaveLeavesTheReadersCachedAnswersButAnUpdateDoesNot() {
        long id = articles.save(input("鸬鹚湾社工站开始服务", ArticleStatus.LIVE)).id();
        awaitWithin(2_000, () -> ids("鸬鹚湾").contains(id));
        OutboxFollowed.await(jdbc, null); // its region tags are indexed too: the view stays from here on
        assertThat(ids("鸬鹚湾")).containsExactly(id);
        long view = index.readerView();
        long refreshes = index.refreshes();
        long hits = engine.resultCache().hits();

        // What an autosave of the live article writes: the editorial event, which indexes its working copy.
        transactions.executeWithoutResult(status -> outbox.append(OutboxEvent.EDITORIAL_CHANGED, id, null));
        awaitWithin(2_000, () -> index.refreshes() > refreshes);
        assertThat(index.readerView()).as("readers see nothing new").isEqualTo(view);
        assertThat(ids("鸬鹚湾")).containsExactly(id);
        assertThat(engine.resultCache().hits()).as("still answered from the cache").isEqualTo(hits + 1);

        transactions.executeWithoutResult(status -> outbox.append(OutboxEvent.ARTICLE_UPDATED, id, null));
        awaitWithin(2_000, () -> index.readerView() > view);
        articles.save(input("鸬鹚湾社工站开始服务", ArticleStatus.WITHDRAWN));
        awaitWithin(2_000, () -> ids("鸬鹚湾").isEmpty());
    }

    @Test
    void aPublicationKeepsTheCachedAnswersItCannotChange() {
        OutboxFollowed.await(jdbc, null);
        SearchResults before = engine.search(SearchQuery.simple("疫情防控"));
        assertThat(before.total()).as("enough full matches that no partial match is added").isGreaterThanOrEqualTo(5);
        long view = index.readerView();

        long id = articles.save(input("鹭鸶洲社工站开始服务", ArticleStatus.LIVE)).id();
        awaitWithin(2_000, () -> ids("鹭鸶洲").contains(id));
        OutboxFollowed.await(jdbc, null); // its region tags too
        engine.awaitCarried();
        assertThat(index.readerView()).isGreaterThan(view);
        assertThat(engine.search(SearchQuery.simple("疫情防控"))).as("the article does not have the words")
                .isSameAs(before);

        articles.save(input("鹭鸶洲社工站开始服务", ArticleStatus.WITHDRAWN));
        awaitWithin(2_000, () -> ids("鹭鸶洲").isEmpty());
    }

    @Test
    void withEveryPlaceTakenASearchGetsAChinese503WithRetryAfterAndCachedOnesStillAnswer() throws Exception {
        mvc.perform(get("/search").param("q", "三社联动")).andExpect(status().isOk());
        try (HeldGatePlace held = HeldGatePlace.take(gate)) {
            String page = mvc.perform(get("/search").param("q", "志愿服务 培训"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "9"))
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("服务繁忙", "当前搜索的人数较多，请稍后再试", "错误代码 503");

            mvc.perform(get("/api/v1/search").param("q", "志愿服务 培训"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "9"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.code").value("unavailable"))
                    .andExpect(jsonPath("$.title").value("服务繁忙"))
                    .andExpect(jsonPath("$.detail").value("当前搜索的人数较多，请稍后再试"));

            mvc.perform(get("/search").param("q", "三社联动")).andExpect(status().isOk());
        }
        mvc.perform(get("/search").param("q", "志愿服务 培训")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/search").param("q", "志愿服务 培训")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/search'].get.responses['503']").exists());
    }

    @Test
    void withEveryPlaceTakenACachedAnswerIsShownWithoutTheRegionCountsAndTheyAreCountedLater() throws Exception {
        OutboxFollowed.await(jdbc, null); // region tags indexed
        // Newest first: a question of this test's own, so no other test has its counts cached.
        SearchQuery query = SearchQuery.reader("社工站", null, null, null, null, SearchQuery.Sort.NEWEST, 1);
        assertThat(engine.search(query).total()).isPositive(); // the answer is cached, its 地区 counts are not
        try (HeldGatePlace held = HeldGatePlace.take(gate)) {
            assertThat(engine.regionCounts(query).byProvince()).as("refused at the gate").isEmpty();
            String page = mvc.perform(get("/search").param("q", "社工站").param("sort", "newest"))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("找到", "<mark>社工站</mark>").doesNotContain("按地区");
        }
        assertThat(engine.regionCounts(query).byProvince()).as("the refusal was not kept").isNotEmpty();
        assertThat(mvc.perform(get("/search").param("q", "社工站").param("sort", "newest")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("按地区");
    }

    /** The counts depend on what is searched, not on the page or the order: the first page's serve them all. */
    @Test
    void anotherPageOrOrderOfTheSameSearchHasItsRegionCountsFromTheCacheEvenWithEveryPlaceTaken() {
        OutboxFollowed.await(jdbc, null); // region tags indexed
        SearchQuery first = SearchQuery.reader("社工站 服务", null, null, null, null, SearchQuery.Sort.RELEVANCE, 1);
        var counts = engine.regionCounts(first);
        assertThat(counts.byProvince()).isNotEmpty();
        try (HeldGatePlace held = HeldGatePlace.take(gate)) {
            for (SearchQuery other : List.of(
                    SearchQuery.reader("社工站 服务", null, null, null, null, SearchQuery.Sort.RELEVANCE, 2),
                    SearchQuery.reader("社工站 服务", null, null, null, null, SearchQuery.Sort.NEWEST, 1),
                    SearchQuery.reader("社工站 服务", null, null, null, null, SearchQuery.Sort.NEWEST, 3))) {
                assertThat(engine.regionCounts(other)).as(other.sort() + " page " + other.page()).isSameAs(counts);
            }
            assertThat(engine.regionCounts(SearchQuery.reader("社工站 服务", null, Kind.NEWS, null, null,
                    SearchQuery.Sort.RELEVANCE, 1)).byProvince()).as("another filter is another count: refused")
                    .isEmpty();
        }
    }

    private List<Long> ids(String query) {
        return engine.search(SearchQuery.simple(query)).hits().stream().map(SearchHit::articleId).toList();
    }

    private ArticleInput input(String title, ArticleStatus status) {
        return new ArticleInput("under-load-1", title, null, null, "<p>" + title + "，居民可以就近找到社工。</p>", "民政部",
                null, null, Kind.NEWS, false, List.of(columns.bySlug("news").orElseThrow().id()), List.of(), null,
                Instant.parse("2026-11-20T02:00:00Z"), status);
    }
}
