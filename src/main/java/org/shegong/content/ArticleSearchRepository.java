package org.shegong.content;

import org.shegong.system.db.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The back office's article list: drafts, live and withdrawn articles together, filtered and paged by seek on
 * (updated_at, id), so a deep page costs what the first one costs. Reads list columns only.
 */
@Repository
public class ArticleSearchRepository {

    private static final String COLUMNS =
            "a.id, a.title, a.kind, a.status, a.primary_column_id, a.author, a.published_at, a.updated_at";

    private final JdbcClient jdbc;

    public ArticleSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ArticleRow> search(ArticleFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article a WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.columnId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_column c WHERE c.article_id = a.id AND c.column_id = ?)");
            params.add(filter.columnId());
        }
        if (filter.status() != null) {
            sql.append(" AND a.status = ?");
            params.add(filter.status().name());
        }
        if (filter.kind() != null) {
            sql.append(" AND a.kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            sql.append(" AND a.author = ?");
            params.add(filter.author().strip());
        }
        if (filter.titleContains() != null && !filter.titleContains().isBlank()) {
            sql.append(" AND a.title LIKE ? ESCAPE '!'");
            params.add(Like.containing(filter.titleContains().strip()));
        }
        if (filter.updatedFrom() != null) {
            sql.append(" AND a.updated_at >= ?");
            params.add(Times.toDb(filter.updatedFrom()));
        }
        if (filter.updatedTo() != null) {
            sql.append(" AND a.updated_at < ?");
            params.add(Times.toDb(filter.updatedTo()));
        }
        if (filter.ids() != null) {
            if (filter.ids().isEmpty()) {
                return List.of();
            }
            sql.append(" AND a.id IN (").append(placeholders(filter.ids())).append(")");
            params.addAll(filter.ids());
        }
        if (filter.within() != null) {
            List<String> either = new ArrayList<>();
            if (!filter.within().columns().isEmpty()) {
                either.add("EXISTS (SELECT 1 FROM article_column c WHERE c.article_id = a.id AND c.column_id IN ("
                        + placeholders(filter.within().columns()) + "))");
                params.addAll(filter.within().columns());
            }
            if (!filter.within().articleIds().isEmpty()) {
                either.add("a.id IN (" + placeholders(filter.within().articleIds()) + ")");
                params.addAll(filter.within().articleIds());
            }
            if (either.isEmpty()) {
                return List.of();
            }
            sql.append(" AND (").append(String.join(" OR ", either)).append(")");
        }
        if (filter.after() != null) {
            LocalDateTime at = Times.toDb(filter.after().updatedAt());
            sql.append(" AND (a.updated_at < ? OR (a.updated_at = ? AND a.id < ?))");
            params.add(at);
            params.add(at);
            params.add(filter.after().id());
        }
        sql.append(" ORDER BY a.updated_at DESC, a.id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ArticleSearchRepository::row).list();
    }

    /** The rows of the given articles, in no particular order. */
    public List<ArticleRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id IN (" + placeholders(ids) + ")")
                .params(new ArrayList<>(ids)).query(ArticleSearchRepository::row).list();
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static ArticleRow row(ResultSet rs, int n) throws SQLException {
        return new ArticleRow(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)),
                ArticleStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
                Times.fromDb(rs.getObject(7, LocalDateTime.class)), Times.fromDb(rs.getObject(8, LocalDateTime.class)));
    }
}
