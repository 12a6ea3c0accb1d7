package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** The back office's list: filters, title search and seek paging, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ArticleSearchRepositoryTest {

    private static final Instant T = Instant.parse("2025-03-01T02:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    ArticleSearchRepository search;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        search = new ArticleSearchRepository(content.db.jdbc());
    }

    private long draft(String title, Kind kind, String author, String column) {
        ArticleInput input = new ArticleInput(null, title, null, null, "<p>正文</p>", null, author, null, kind, false,
                List.of(content.column(column).id()), List.of(), null, null, ArticleStatus.DRAFT);
        return content.db.transactions().execute(s -> content.service.createDraft(input));
    }

    private static ArticleFilter filter(Long column, ArticleStatus status, Kind kind, String author, String title,
                                        ArticleFilter.Cursor after) {
        return new ArticleFilter(column, status, kind, author, title, null, null, null, after);
    }

    @Test
    void filtersByColumnStatusKindAuthorAndTitle() {
        content.clock.set(T);
        long live = content.publish("l1", "辽宁社工站建设", T, "news");
        content.clock.advance(Duration.ofMinutes(1));
        long policy = draft("民政部关于社会工作的通知", Kind.POLICY, "张三", "policy");
        content.clock.advance(Duration.ofMinutes(1));
        long percent = draft("占比达70%_的社工站", Kind.NEWS, "李四", "news");

        assertThat(search.search(filter(null, null, null, null, null, null), 10)).extracting(ArticleRow::id)
                .containsExactly(percent, policy, live);
        assertThat(search.search(filter(content.column("news").id(), null, null, null, null, null), 10))
                .extracting(ArticleRow::id).containsExactly(percent, live);
        assertThat(search.search(filter(null, ArticleStatus.DRAFT, null, null, null, null), 10))
                .extracting(ArticleRow::id).containsExactly(percent, policy);
        assertThat(search.search(filter(null, null, Kind.POLICY, null, null, null), 10))
                .extracting(ArticleRow::id).containsExactly(policy);
        assertThat(search.search(filter(null, null, null, "李四", null, null), 10))
                .extracting(ArticleRow::id).containsExactly(percent);
        assertThat(search.search(filter(null, null, null, null, "社工站", null), 10))
                .extracting(ArticleRow::id).containsExactly(percent, live);
        assertThat(search.search(filter(null, null, null, null, "70%_", null), 10))
                .extracting(ArticleRow::id).containsExactly(percent);
        assertThat(search.search(filter(null, null, null, null, "%", null), 10))
                .extracting(ArticleRow::id).containsExactly(percent);
        assertThat(search.search(new ArticleFilter(null, null, null, null, null, null, null, List.of(policy, live),
                null), 10)).extracting(ArticleRow::id).containsExactly(policy, live);
        assertThat(search.search(new ArticleFilter(null, null, null, null, null, null, null, List.of(), null), 10))
                .isEmpty();
        assertThat(search.byIds(List.of(live, policy))).extracting(ArticleRow::title)
                .containsExactlyInAnyOrder("辽宁社工站建设", "民政部关于社会工作的通知");
    }

    @Test
    void seekPagingVisitsEveryArticleOnceInOrderIncludingTies() {
        content.clock.set(T);
        for (int i = 0; i < 23; i++) {
            if (i % 4 == 0) {
                content.clock.advance(Duration.ofSeconds(1));
            }
            draft("稿件" + i, Kind.NEWS, null, "news");
        }
        List<Long> expected = content.db.jdbc().sql("SELECT id FROM article ORDER BY updated_at DESC, id DESC")
                .query(Long.class).list();
        List<Long> paged = new ArrayList<>();
        ArticleFilter.Cursor after = null;
        for (int page = 0; page < 10; page++) {
            List<ArticleRow> rows = search.search(filter(null, null, null, null, null, after), 5);
            rows.forEach(r -> paged.add(r.id()));
            if (rows.size() < 5) {
                break;
            }
            after = ArticleFilter.Cursor.parse(rows.get(rows.size() - 1).cursor().encode());
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(ArticleFilter.Cursor.parse("1.2")).isNull();
        assertThat(ArticleFilter.Cursor.parse("x; DROP TABLE article")).isNull();
    }
}
