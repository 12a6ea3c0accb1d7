package org.shegong.content;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.system.Times;
import org.shegong.system.db.Dialect;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ArticleRepository articles;
    private final Dialect dialect;

    public ArticleBatchRepository(JdbcTemplate jdbc, ArticleRepository articles) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.articles = articles;
        this.dialect = Dialect.of(jdbc.getDataSource());
    }

    /**
     * PostgreSQL keeps a generic plan for a statement run often on one connection, costed with the statistics of
     * that moment: planned while the table was nearly empty, the external-id lookup of each chunk stays a full
     * scan for the rest of a bulk import unless an ANALYZE replans it (200,000 articles without autovacuum: 650
     * a second and falling). So each statement of a bulk transaction is planned for its own values.
     */
    void planForEachExecution() {
        if (dialect == Dialect.POSTGRES) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /** The tables a bulk import writes (and the tags it may add). */
    private static final List<String> WRITTEN = List.of("article", "article_body", "article_column", "article_tag",
            "column_listing", "article_fields", "tag");

    /**
     * Gathers the planner's statistics for the tables a bulk import wrote. Without it a database whose statistics
     * were taken while the tables were nearly empty plans the site's queries for empty tables until autovacuum
     * (PostgreSQL) or the next automatic recount (MariaDB) catches up — and where autovacuum is off, never.
     */
    void refreshStatistics() {
        dialect.analyze(client, WRITTEN);
    }

    /** Inserts the articles with their bodies and relations; returns their new ids in the same order. */
    List<Long> insert(List<PreparedArticle> rows, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        LocalDateTime at = Times.toDb(now);
        jdbc.batchUpdate(con -> con.prepareStatement(ArticleRowSql.INSERT, new String[] {"id"}),
                rows(rows.size(), (ps, i) -> ArticleRowSql.bindInsert(ps, rows.get(i), at)), keys);
        List<Long> ids = GeneratedKeys.ids(keys);
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
        }
        batch(ArticleRowSql.INSERT_BODY, rows.size(), (ps, i) -> ArticleRowSql.bindInsertBody(ps, ids.get(i), rows.get(i)));
        insertRelations(ids, rows);
        return ids;
    }

    /** Replaces the stored articles {@code ids} (same order as {@code rows}): fields, body and relations. */
    void update(List<Long> ids, List<PreparedArticle> rows, Instant now) {
        LocalDateTime at = Times.toDb(now);
        batch(ArticleRowSql.UPDATE, rows.size(), (ps, i) -> ArticleRowSql.bindUpdate(ps, ids.get(i), rows.get(i), at));
        batch(ArticleRowSql.UPDATE_BODY, rows.size(), (ps, i) -> ArticleRowSql.bindUpdateBody(ps, ids.get(i), rows.get(i)));
        for (String table : new String[] {"article_column", "article_tag", "column_listing", "article_fields"}) {
            client.sql("DELETE FROM " + table + " WHERE article_id IN (:ids)").param("ids", ids).update();
        }
        insertRelations(ids, rows);
    }

    private void insertRelations(List<Long> ids, List<PreparedArticle> rows) {
        Map<String, Long> tagIds = tagIds(rows);
        List<long[]> columns = new ArrayList<>();
        List<long[]> tags = new ArrayList<>();
        List<Object[]> listing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            ArticleInput in = rows.get(i).input();
            boolean listed = ListingRepository.listed(in.status(), in.featured(), in.publishedAt());
            for (Long columnId : in.columnIds()) {
                columns.add(new long[] {id, columnId});
                if (listed) {
                    listing.add(new Object[] {columnId, Times.toDb(in.publishedAt()), id});
                }
            }
            // Two spellings a case-insensitive collation takes for one tag must not make the same pair twice.
            Set<Long> distinct = new LinkedHashSet<>();
            in.tags().forEach(tag -> distinct.add(tagIds.get(tag)));
            distinct.forEach(tagId -> tags.add(new long[] {id, tagId}));
        }
        List<Integer> withFields = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (ArticleRowSql.hasFieldsRow(rows.get(i).input().fields())) {
                withFields.add(i);
            }
        }
        batch(ArticleRowSql.INSERT_FIELDS, withFields.size(), (ps, i) -> ArticleRowSql.bindInsertFields(ps,
                ids.get(withFields.get(i)), rows.get(withFields.get(i)).input().fields()));
        pairs("INSERT INTO article_column (article_id, column_id) VALUES (?, ?)", columns);
        pairs("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)", tags);
        batch("INSERT INTO column_listing (column_id, published_at, article_id) VALUES (?, ?, ?)", listing.size(),
                (ps, i) -> {
                    Object[] row = listing.get(i);
                    ps.setLong(1, (Long) row[0]);
                    ps.setObject(2, row[1]);
                    ps.setLong(3, (Long) row[2]);
                });
    }

    private void pairs(String sql, List<long[]> pairs) {
        batch(sql, pairs.size(), (ps, i) -> {
            ps.setLong(1, pairs.get(i)[0]);
            ps.setLong(2, pairs.get(i)[1]);
        });
    }

    /** One statement for {@code size} rows, skipped when there are none. */
    private void batch(String sql, int size, RowSetter rows) {
        if (size > 0) {
            jdbc.batchUpdate(sql, rows(size, rows));
        }
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

    private static BatchPreparedStatementSetter rows(int size, RowSetter rows) {
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
