package org.shegong.content;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<Long> missing = withoutRow(ids, updated);
        if (!missing.isEmpty()) {
            template.batchUpdate("INSERT INTO article_views (article_id, views) VALUES (?, ?)",
                    missing.stream().map(id -> new Object[] {id, views.get(id)}).toList());
        }
    }

    /** The ids whose update found no row; a driver that answers SUCCESS_NO_INFO is asked which rows exist. */
    private List<Long> withoutRow(List<Long> ids, int[] updated) {
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (updated[i] == Statement.SUCCESS_NO_INFO) {
                Set<Long> present = new HashSet<>(jdbc.sql("SELECT article_id FROM article_views WHERE article_id IN (:ids)")
                        .param("ids", ids).query(Long.class).list());
                return ids.stream().filter(id -> !present.contains(id)).toList();
            }
            if (updated[i] == 0) {
                missing.add(ids.get(i));
            }
        }
        return missing;
    }
}
