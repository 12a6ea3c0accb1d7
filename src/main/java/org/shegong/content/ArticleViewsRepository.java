package org.shegong.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only code that writes article_views, an article's total views (ADR 0081). The article row is not rewritten on
 * each flush: a narrow row of its own costs a fraction of the wide one on every database (see the migration).
 */
@Repository
public class ArticleViewsRepository {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    public ArticleViewsRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Adds views to their articles, in the caller's transaction and in two round trips whatever their number: a batch
     * of updates by the key, then a batch of inserts for the articles read for the first time. If another node
     * inserted the same row a moment earlier an insert fails, the caller's transaction rolls back and the views are
     * retried with the next flush, when the update finds the row (as {@link DailyViewsRepository#add} does).
     */
    public void add(Map<Long, Long> views) {
        List<Long> ids = new ArrayList<>(views.keySet());
        int[] updated = template.batchUpdate("UPDATE article_views SET views = views + ? WHERE article_id = ?",
                ids.stream().map(id -> new Object[] {views.get(id), id}).toList());
        List<Long> missing = MissingRows.of(ids, updated, () -> jdbc.sql(
                "SELECT article_id FROM article_views WHERE article_id IN (:ids)").param("ids", ids).query(Long.class).list());
        if (!missing.isEmpty()) {
            template.batchUpdate("INSERT INTO article_views (article_id, views) VALUES (?, ?)",
                    missing.stream().map(id -> new Object[] {id, views.get(id)}).toList());
        }
    }
}
