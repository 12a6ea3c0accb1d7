package org.shegong.content;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows {@link ArticleRepository} and {@link ListingRepository} write for one article (article, body, columns,
 * tags, listing), written for many articles per statement as JDBC batches: the bulk import's path. Runs in the
 * caller's transaction.
 */
@Repository
public class ArticleBatchRepository {

    private static final String INSERT = """
            INSERT INTO article (external_id, title, subtitle, summary, list_summary, source, author, editor,
              kind, status, featured, featured_order, primary_column_id, region, published_at, created_at,
              updated_at, view_count, content_hash, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?, 1)""";
    private static final String UPDATE = """
            UPDATE article SET title = ?, subtitle = ?, summary = ?, list_summary = ?, source = ?, author = ?,
              editor = ?, kind = ?, status = ?, featured = ?, primary_column_id = ?, region = ?,
              published_at = ?, updated_at = ?, content_hash = ?, version = version + 1
            WHERE id = ?""";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ArticleRepository articles;

    public ArticleBatchRepository(JdbcTemplate jdbc, ArticleRepository articles) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.articles = articles;
    }

    /** Inserts the articles with their bodies and relations; returns their new ids in the same order. */
    List<Long> insert(List<PreparedArticle> rows, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}), setter(rows.size(), (ps, i) -> {
            PreparedArticle row = rows.get(i);
            ArticleInput in = row.input();
            set(ps, in.externalId(), in.title(), in.subtitle(), in.summary(), row.listSummary(), in.source(),
                    in.author(), in.editor(), in.kind().name(), in.status().name(), in.featured(),
                    in.primaryColumnId(), in.region(), Times.toDb(in.publishedAt()), Times.toDb(now),
                    Times.toDb(now), row.contentHash());
        }), keys);
        List<Long> ids = GeneratedKeys.ids(keys);
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
        }
        List<Object[]> bodies = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            bodies.add(new Object[] {ids.get(i), rows.get(i).input().bodyHtml()});
        }
        jdbc.batchUpdate("INSERT INTO article_body (article_id, body_html) VALUES (?, ?)", bodies);
        insertRelations(ids, rows);
        return ids;
    }

    /** Replaces the stored articles {@code ids} (same order as {@code rows}): fields, body and relations. */
    void update(List<Long> ids, List<PreparedArticle> rows, Instant now) {
        List<Object[]> articleArgs = new ArrayList<>(rows.size());
        List<Object[]> bodyArgs = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PreparedArticle row = rows.get(i);
            ArticleInput in = row.input();
            articleArgs.add(new Object[] {in.title(), in.subtitle(), in.summary(), row.listSummary(), in.source(),
                    in.author(), in.editor(), in.kind().name(), in.status().name(), in.featured(),
                    in.primaryColumnId(), in.region(), Times.toDb(in.publishedAt()), Times.toDb(now),
                    row.contentHash(), ids.get(i)});
            bodyArgs.add(new Object[] {in.bodyHtml(), ids.get(i)});
        }
        jdbc.batchUpdate(UPDATE, articleArgs);
        jdbc.batchUpdate("UPDATE article_body SET body_html = ? WHERE article_id = ?", bodyArgs);
        for (String table : new String[] {"article_column", "article_tag", "column_listing"}) {
            client.sql("DELETE FROM " + table + " WHERE article_id IN (:ids)").param("ids", ids).update();
        }
        insertRelations(ids, rows);
    }

    private void insertRelations(List<Long> ids, List<PreparedArticle> rows) {
        Map<String, Long> tagIds = tagIds(rows);
        List<Object[]> columns = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> listing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            ArticleInput in = rows.get(i).input();
            boolean listed = ListingRepository.listed(in.status(), in.featured(), in.publishedAt());
            for (Long columnId : in.columnIds()) {
                columns.add(new Object[] {id, columnId});
                if (listed) {
                    listing.add(new Object[] {columnId, Times.toDb(in.publishedAt()), id});
                }
            }
            // Two spellings a case-insensitive collation takes for one tag must not make the same pair twice.
            Set<Long> distinct = new LinkedHashSet<>();
            in.tags().forEach(tag -> distinct.add(tagIds.get(tag)));
            distinct.forEach(tagId -> tags.add(new Object[] {id, tagId}));
        }
        jdbc.batchUpdate("INSERT INTO article_column (article_id, column_id) VALUES (?, ?)", columns);
        jdbc.batchUpdate("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)", tags);
        jdbc.batchUpdate("INSERT INTO column_listing (column_id, published_at, article_id) VALUES (?, ?, ?)", listing);
    }

    /** Tag name → id for every tag of the rows, creating the missing ones (one query for those that exist). */
    private Map<String, Long> tagIds(List<PreparedArticle> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.input().tags()));
        Map<String, Long> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        client.sql("SELECT name, id FROM tag WHERE name IN (:names)").param("names", names)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        for (String name : names) {
            // Not found by its exact spelling: one lookup by the database's own comparison, or an insert.
            ids.computeIfAbsent(name, articles::tagId);
        }
        return ids;
    }

    private static void set(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
        }
    }

    private static BatchPreparedStatementSetter setter(int size, RowSetter rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                rows.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }

    @FunctionalInterface
    private interface RowSetter {
        void set(PreparedStatement ps, int index) throws SQLException;
    }
}
