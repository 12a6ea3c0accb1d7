package org.shegong.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches article_daily_views: views per article and day, for the 热门排行. */
@Repository
public class DailyViewsRepository {

    private final JdbcClient jdbc;

    DailyViewsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds views to an article's day. An update first, an insert when the day has no row yet: portable across the
     * three databases; if another node inserted the same row a moment earlier the insert fails, the caller's
     * transaction rolls back and the views are retried with the next flush, when the update finds the row.
     */
    void add(long articleId, LocalDate day, long views) {
        int updated = jdbc.sql("UPDATE article_daily_views SET views = views + ? WHERE view_day = ? AND article_id = ?")
                .params(views, day, articleId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO article_daily_views (view_day, article_id, views, column_id)
                    SELECT ?, id, ?, primary_column_id FROM article WHERE id = ?""")
                    .params(day, views, articleId).update();
        }
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
