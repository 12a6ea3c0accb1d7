package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ArticleService.SaveOutcome.Change;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** Saving articles: round trip of every field, idempotent re-save, updates, outbox rows; on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ArticleServiceTest {

    private static final Instant PUBLISHED = Instant.parse("2021-08-27T01:30:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
    }

    private ArticleInput input(String title, String summary, String body) {
        return new ArticleInput("ext-1", title, "副标题：浑南区", summary, body, "中国社会报", "张三", "李四",
                Kind.NOTICE, false, List.of(content.column("notices").id(), content.column("news").id()),
                List.of("社工站", "三社联动"), "辽宁", PUBLISHED, ArticleStatus.LIVE);
    }

    private ArticleService.SaveOutcome save(ArticleInput input) {
        return content.db.transactions().execute(s -> content.service.save(input));
    }

    @Test
    void streamsEveryLiveArticleWithBodyColumnsAndTagsInBatchesInIdOrder() {
        save(input("第一篇", null, "<p>正文一</p>"));
        for (int i = 0; i < 6; i++) {
            ArticleStatus status = i == 3 ? ArticleStatus.WITHDRAWN : ArticleStatus.LIVE;
            ArticleInput in = new ArticleInput("stream-" + i, "第" + i + "篇", null, null, "<p>正文" + i + "</p>", null,
                    null, null, Kind.NEWS, false, List.of(content.column("news").id()), List.of("标签" + i), null,
                    PUBLISHED, status);
            save(in);
        }
        List<List<Article>> batches = new java.util.ArrayList<>();
        content.service.forEachLive(2, batches::add);
        List<Article> all = batches.stream().flatMap(List::stream).toList();
        assertThat(batches).hasSize(3).allMatch(b -> b.size() <= 2);
        assertThat(all).hasSize(6).allMatch(Article::isLive).extracting(Article::title).doesNotContain("第3篇");
        assertThat(all).extracting(Article::id).isSorted();
        assertThat(all.get(0).bodyHtml()).isEqualTo("<p>正文一</p>");
        assertThat(all.get(0).columnIds()).containsExactlyInAnyOrder(content.column("notices").id(),
                content.column("news").id());
        assertThat(all.get(0).tags()).containsExactly("三社联动", "社工站");
        assertThat(all.get(1).tags()).containsExactly("标签0");
        assertThat(content.service.countLive()).isEqualTo(6);
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        String body = "<p>按照《关于开展2021年度第二次高级社会工作师评审工作的通知》要求😀</p>";
        long id = save(input("辽宁省2021年度第二次高级社会工作师评审结果的公示", null, body)).id();

        Article article = content.service.find(id).orElseThrow();
        assertThat(article.title()).isEqualTo("辽宁省2021年度第二次高级社会工作师评审结果的公示");
        assertThat(article.subtitle()).isEqualTo("副标题：浑南区");
        assertThat(article.bodyHtml()).isEqualTo(body);
        assertThat(article.listSummary()).isEqualTo("按照《关于开展2021年度第二次高级社会工作师评审工作的通知》要求😀");
        assertThat(article.source()).isEqualTo("中国社会报");
        assertThat(article.author()).isEqualTo("张三");
        assertThat(article.editor()).isEqualTo("李四");
        assertThat(article.kind()).isEqualTo(Kind.NOTICE);
        assertThat(article.region()).isEqualTo("辽宁");
        assertThat(article.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(article.primaryColumnId()).isEqualTo(content.column("notices").id());
        // Read in one statement as columns x tags: each once, columns by id.
        assertThat(article.columnIds()).containsExactlyElementsOf(java.util.stream.Stream.of(
                content.column("notices").id(), content.column("news").id()).sorted().toList());
        assertThat(article.tags()).containsExactlyInAnyOrder("社工站", "三社联动");
        assertThat(article.viewCount()).isZero();
        assertThat(article.isLive()).isTrue();
    }

    @Test
    void savingTheSameContentTwiceChangesNothingAndWritesOneEvent() {
        ArticleInput input = input("标题", "摘要", "<p>正文</p>");
        assertThat(save(input).change()).isEqualTo(Change.CREATED);
        assertThat(save(input).change()).isEqualTo(Change.UNCHANGED);
        assertThat(content.articles.count()).isEqualTo(1);
        assertThat(events()).containsExactly("article.imported");
    }

    @Test
    void changedContentUpdatesInPlaceAndWritesAnUpdateEvent() {
        long id = save(input("标题", "摘要", "<p>正文</p>")).id();
        ArticleService.SaveOutcome outcome = save(input("新标题", "新摘要", "<p>新正文</p>"));
        assertThat(outcome.id()).isEqualTo(id);
        assertThat(outcome.change()).isEqualTo(Change.UPDATED);
        Article article = content.service.find(id).orElseThrow();
        assertThat(article.title()).isEqualTo("新标题");
        assertThat(article.bodyHtml()).isEqualTo("<p>新正文</p>");
        assertThat(article.listSummary()).isEqualTo("新摘要");
        assertThat(events()).containsExactly("article.imported", "article.updated");
    }

    @Test
    void withNeitherSummaryNorBodyTheListingRepeatsTheTitle() {
        long id = save(input("一图读懂|社会组织信用信息管理问答", null, null)).id();
        assertThat(content.service.find(id).orElseThrow().listSummary()).isEqualTo("一图读懂|社会组织信用信息管理问答");
    }

    @Test
    void viewsAreAddedNotOverwritten() {
        long id = save(input("标题", null, "<p>正文</p>")).id();
        ArticleViewsRepository totals = new ArticleViewsRepository(new JdbcTemplate(content.db.dataSource()));
        assertThat(content.service.find(id).orElseThrow().viewCount()).as("never read: no row, no views").isZero();
        totals.add(Map.of(id, 5L));
        totals.add(Map.of(id, 3L));
        assertThat(content.service.find(id).orElseThrow().viewCount()).isEqualTo(8);
        assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM article_views WHERE article_id = ?").param(id)
                .query(Long.class).single()).as("one row per article").isEqualTo(1);
    }

    @Test
    void withdrawingTakesTheArticleOffEveryListingAndWritesAWithdrawnEvent() {
        long id = save(input("标题", "摘要", "<p>正文</p>")).id();
        long news = content.column("news").id();
        long notices = content.column("notices").id();
        assertThat(content.listing.latest(news, 5)).extracting(ArticleListItem::id).containsExactly(id);

        boolean withdrawn = withdraw(id);

        assertThat(withdrawn).isTrue();
        Article article = content.service.find(id).orElseThrow();
        assertThat(article.status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(article.isLive()).isFalse();
        assertThat(content.listing.latest(news, 5)).isEmpty();
        assertThat(content.listing.latest(notices, 5)).isEmpty();
        assertThat(events()).containsExactly("article.imported", "article.withdrawn");
    }

    @Test
    void withdrawingTwiceOrAnUnknownArticleDoesNothing() {
        long id = save(input("标题", "摘要", "<p>正文</p>")).id();
        assertThat(withdraw(id)).isTrue();
        assertThat(withdraw(id)).isFalse();
        assertThat(withdraw(id + 1000)).isFalse();
        assertThat(events()).containsExactly("article.imported", "article.withdrawn");
    }

    private boolean withdraw(long id) {
        return Boolean.TRUE.equals(content.db.transactions().execute(s -> content.service.withdraw(id)));
    }

    private List<String> events() {
        return content.db.jdbc().sql("SELECT event_type FROM outbox_event ORDER BY id").query(String.class).list();
    }

}
