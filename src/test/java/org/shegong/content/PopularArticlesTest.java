package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.PopularArticles.Popular;
import org.shegong.content.PopularArticles.Window;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** Views per day written by the batched flush, and the 热门排行 read from them, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class PopularArticlesTest {

    private static final Instant START = Instant.parse("2021-08-01T00:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    DailyViewsRepository daily;
    ViewCounter counter;
    PopularArticles popular;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        daily = new DailyViewsRepository(new JdbcTemplate(content.db.dataSource()));
        counter = new ViewCounter(new ArticleViewsRepository(new JdbcTemplate(content.db.dataSource())), daily,
                content.db.transactions(), content.clock);
        popular = new PopularArticles(daily, content.clock, Duration.ofMinutes(5), Runnable::run);
    }

    private void view(long id, int times) {
        for (int i = 0; i < times; i++) {
            counter.record(id);
        }
    }

    /** The article's views on its only day row. */
    private long dayViews(long id) {
        return content.db.jdbc().sql("SELECT views FROM article_daily_views WHERE article_id = ?").param(id)
                .query(Long.class).single();
    }

    private long viewCount(long id) {
        return content.db.jdbc().sql("SELECT COALESCE(SUM(views), 0) FROM article_views WHERE article_id = ?").param(id)
                .query(Long.class).single();
    }

    private long rows() {
        return content.db.jdbc().sql("SELECT COUNT(*) FROM article_daily_views").query(Long.class).single();
    }

    @Test
    void aFlushWritesOneRowPerArticleAndDayWhateverTheNumberOfViews() {
        long a = content.publish("a", "甲", START, "news");
        view(a, 25);
        counter.flush();
        assertThat(rows()).isEqualTo(1);
        view(a, 5);
        counter.flush();
        assertThat(rows()).isEqualTo(1);
        assertThat(dayViews(a)).isEqualTo(30);
        assertThat(viewCount(a)).isEqualTo(30);
        content.clock.advance(Duration.ofDays(1));
        view(a, 2);
        counter.flush();
        assertThat(rows()).isEqualTo(2);
    }

    /** A flush of many articles, some with a row for the day already and some without, in more than one batch. */
    @Test
    void aFlushOfManyArticlesAddsToTheRowsThereAreAndInsertsTheOthers() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(content.publish("m" + i, "文章" + i, START.plusSeconds(i), i % 2 == 0 ? "news" : "policy"));
        }
        for (int i = 0; i < ids.size(); i += 3) {
            view(ids.get(i), 1);
        }
        counter.flush();
        assertThat(rows()).isEqualTo(100);
        for (int i = 0; i < ids.size(); i++) {
            view(ids.get(i), i % 5 + 1);
        }
        counter.flush();
        assertThat(rows()).isEqualTo(300);
        for (int i = 0; i < ids.size(); i++) {
            long expected = i % 5 + 1 + (i % 3 == 0 ? 1 : 0);
            assertThat(dayViews(ids.get(i))).as("day row of article %d", i).isEqualTo(expected);
            assertThat(viewCount(ids.get(i))).as("view count of article %d", i).isEqualTo(expected);
        }
        assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM article_daily_views d JOIN article a ON a.id = d.article_id"
                + " WHERE d.column_id = a.primary_column_id").query(Long.class).single()).isEqualTo(300);
    }

    /** A driver that answers batches without counts: the rows are then looked up, and none is written twice. */
    @Test
    void aDriverWithoutBatchCountsStillInsertsOnlyTheMissingRows() {
        JdbcTemplate noCounts = new JdbcTemplate(content.db.dataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                int[] counts = super.batchUpdate(sql, batchArgs);
                java.util.Arrays.fill(counts, java.sql.Statement.SUCCESS_NO_INFO);
                return counts;
            }
        };
        daily = new DailyViewsRepository(noCounts);
        counter = new ViewCounter(new ArticleViewsRepository(noCounts), daily, content.db.transactions(), content.clock);
        long a = content.publish("a", "甲", START, "news");
        long b = content.publish("b", "乙", START.plusSeconds(1), "news");
        view(a, 2);
        counter.flush();
        view(a, 3);
        view(b, 4);
        counter.flush();
        assertThat(rows()).isEqualTo(2);
        assertThat(dayViews(a)).isEqualTo(5);
        assertThat(dayViews(b)).isEqualTo(4);
        assertThat(viewCount(a)).as("total views: the row is looked up, not inserted twice").isEqualTo(5);
        assertThat(viewCount(b)).isEqualTo(4);
    }

    @Test
    void theWeekAndTheMonthRankSiteWideAndPerColumnMostReadFirst() {
        long a = content.publish("a", "甲", START, "news");
        long b = content.publish("b", "乙", START.plusSeconds(1), "policy");
        long c = content.publish("c", "丙", START.plusSeconds(2), "news");
        long old = content.publish("o", "旧", START.plusSeconds(3), "news");
        LocalDate today = LocalDate.ofInstant(content.clock.instant(), Times.CHINA);
        // Twenty days ago: in the month, not in the week.
        daily.add(Map.of(old, 100L), today.minusDays(20));
        // Forty days ago: in neither.
        daily.add(Map.of(b, 1000L), today.minusDays(40));
        view(a, 3);
        view(b, 5);
        view(c, 1);
        counter.flush();

        assertThat(popular.site(Window.WEEK, 10)).extracting(p -> p.item().id()).containsExactly(b, a, c);
        assertThat(popular.site(Window.WEEK, 10)).extracting(Popular::views).containsExactly(5L, 3L, 1L);
        assertThat(popular.site(Window.MONTH, 10)).extracting(p -> p.item().id()).containsExactly(old, b, a, c);
        assertThat(popular.site(Window.MONTH, 2)).extracting(p -> p.item().id()).containsExactly(old, b);
        long news = content.column("news").id();
        assertThat(popular.columns(List.of(news), Window.WEEK, 10)).extracting(p -> p.item().id()).containsExactly(a, c);
        assertThat(popular.columns(List.of(news), Window.MONTH, 10)).extracting(p -> p.item().id()).containsExactly(old, a, c);
        assertThat(popular.columns(List.of(content.column("research").id(), content.column("federation").id()),
                Window.WEEK, 10)).isEmpty();
        assertThat(popular.site(Window.WEEK, 1).get(0).item().title()).isEqualTo("乙");
        assertThat(popular.columns(List.of(news, content.column("policy").id()), Window.WEEK, 10))
                .as("a column with its sub-columns: their rankings merged").extracting(p -> p.item().id())
                .containsExactly(b, a, c);
    }

    @Test
    void aWithdrawnArticleLeavesTheRankingAndOldDaysAreForgotten() {
        long a = content.publish("a", "甲", START, "news");
        long b = content.publish("b", "乙", START.plusSeconds(1), "news");
        LocalDate today = LocalDate.ofInstant(content.clock.instant(), Times.CHINA);
        daily.add(Map.of(a, 7L), today.minusDays(PopularArticles.RETENTION_DAYS + 5));
        view(a, 2);
        view(b, 1);
        counter.flush();
        content.db.jdbc().sql("UPDATE article SET status = 'WITHDRAWN' WHERE id = ?").param(a).update();
        assertThat(popular.site(Window.MONTH, 10)).extracting(p -> p.item().id()).containsExactly(b);
        assertThat(rows()).as("the day beyond the retention is deleted").isEqualTo(2);
    }

    @Test
    void aColumnStillListsTenAfterWithdrawalsAndAMovedArticleCountsUnderItsNewColumn() {
        LocalDate today = LocalDate.ofInstant(content.clock.instant(), Times.CHINA);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < PopularArticles.KEPT + 3; i++) {
            long id = content.publish("n" + i, "新闻" + i, START.plusSeconds(i), "news");
            daily.add(Map.of(id, 100L - i), today); // the first is the most read
            ids.add(id);
        }
        long moved = content.publish("m", "移动", START.plusSeconds(100), "news");
        daily.add(Map.of(moved, 1000L), today);
        content.db.jdbc().sql("UPDATE article SET status = 'WITHDRAWN' WHERE id IN (?, ?)")
                .params(ids.get(0), ids.get(1)).update();
        long policy = content.column("policy").id();
        content.db.jdbc().sql("UPDATE article SET primary_column_id = ? WHERE id = ?").params(policy, moved).update();

        List<Popular> news = popular.columns(List.of(content.column("news").id()), Window.WEEK, 20);
        assertThat(news).extracting(p -> p.item().id()).as("the withdrawn left, the next ones came up")
                .containsExactlyElementsOf(ids.subList(2, 2 + PopularArticles.KEPT));
        assertThat(popular.columns(List.of(policy), Window.WEEK, 20)).extracting(p -> p.item().id())
                .containsExactly(moved);
        assertThat(popular.site(Window.WEEK, 20)).hasSize(PopularArticles.KEPT).first()
                .extracting(p -> p.item().id()).isEqualTo(moved);
    }

    @Test
    void theFirstRankingIsComputedInTheBackgroundWhileReadersGetNone() {
        long a = content.publish("a", "甲", START, "news");
        view(a, 2);
        counter.flush();
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        PopularArticles later = new PopularArticles(daily, content.clock, Duration.ofMinutes(5), background::add);
        assertThat(later.site(Window.WEEK, 10)).as("not computed yet: no waiting").isEmpty();
        assertThat(later.columns(List.of(content.column("news").id()), Window.WEEK, 10)).isEmpty();
        assertThat(background).as("one computation started").isNotEmpty();
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(later.site(Window.WEEK, 10)).extracting(p -> p.item().id()).containsExactly(a);
    }

    @Test
    void aRankingIsServedFromMemoryUntilRefreshed() {
        long a = content.publish("a", "甲", START, "news");
        view(a, 1);
        counter.flush();
        assertThat(popular.site(Window.WEEK, 10)).hasSize(1);
        long b = content.publish("b", "乙", START.plusSeconds(1), "news");
        view(b, 4);
        counter.flush();
        assertThat(popular.site(Window.WEEK, 10)).as("cached").hasSize(1);
        popular.refresh();
        assertThat(popular.site(Window.WEEK, 10)).extracting(p -> p.item().id()).containsExactly(b, a);
    }
}
