package org.shegong.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.shegong.system.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches article_daily_views: views per article and day, for the 热门排行. */
@Repository
public class DailyViewsRepository {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    DailyViewsRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Adds views to their articles' day, in the caller's transaction and in three round trips whatever their number:
     * a batch of updates by the full key, then for the articles whose day has no row yet their primary columns and
     * a batch of inserts. Updating by the key has one plan; asking first which rows exist could read the whole day
     * where the table's statistics were taken while it was empty (71 ms a call on PostgreSQL, issue 18). If another
     * node inserted the same row a moment earlier an insert fails, the caller's transaction rolls back and the views
     * are retried with the next flush, when the update finds the row. Plain VALUES, not INSERT … SELECT: MariaDB's
     * bulk protocol refuses a batched INSERT … SELECT.
     */
    void add(Map<Long, Long> views, LocalDate day) {
        List<Long> ids = new ArrayList<>(views.keySet());
        int[] updated = template.batchUpdate(
                "UPDATE article_daily_views SET views = views + ? WHERE view_day = ? AND article_id = ?",
                ids.stream().map(id -> new Object[] {views.get(id), day, id}).toList());
        List<Long> missing = MissingRows.of(ids, updated, () -> jdbc.sql(
                        "SELECT article_id FROM article_daily_views WHERE view_day = :day AND article_id IN (:ids)")
                .param("day", day).param("ids", ids).query(Long.class).list());
        if (missing.isEmpty()) {
            return;
        }
        List<Object[]> rows = jdbc.sql("SELECT id, primary_column_id FROM article WHERE id IN (:ids) ORDER BY id")
                .param("ids", missing)
                .query((rs, n) -> new Object[] {day, rs.getLong(1), views.get(rs.getLong(1)), rs.getLong(2)}).list();
        template.batchUpdate(
                "INSERT INTO article_daily_views (view_day, article_id, views, column_id) VALUES (?, ?, ?, ?)", rows);
    }

    /** An article's views since a day, with the primary column it had when its views were counted. */
    public record Total(long articleId, long primaryColumnId, long views) {
    }

    /**
     * Streams the view totals since {@code from} (inclusive), one per article, in no order; withdrawn articles
     * included. This table alone: at a million articles a join with article cost a lookup per article read.
     */
    void totalsSince(LocalDate from, java.util.function.Consumer<Total> sink) {
        jdbc.sql("""
                SELECT article_id, MAX(column_id), SUM(views) FROM article_daily_views
                WHERE view_day >= ? AND column_id IS NOT NULL GROUP BY article_id""")
                .param(from)
                .query((ResultSet rs) -> {
                    sink.accept(new Total(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                });
    }

    /** The list columns of these live articles (no bodies), in no order. */
    List<ArticleListItem> items(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, title, list_summary, published_at, kind, primary_column_id, list_image, notice_start,
                  notice_end
                FROM article WHERE status = 'LIVE' AND id IN (:ids)""")
                .param("ids", ids).query(ListingRepository::item).list();
    }

    /** Forgets days before {@code before}; rankings never look that far back. */
    int deleteBefore(LocalDate before) {
        return jdbc.sql("DELETE FROM article_daily_views WHERE view_day < ?").param(before).update();
    }
}
