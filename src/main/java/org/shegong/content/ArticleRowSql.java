package org.shegong.content;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import org.shegong.system.Times;

/**
 * The one definition of how an article's row and body are written, shared by the single-article path
 * ({@link ArticleRepository}) and the bulk import's batches ({@link ArticleBatchRepository}), so the two can
 * never store an article differently. Parameters are bound with typed setters: a batch of a thousand rows
 * would otherwise ask the driver for each null's type.
 */
final class ArticleRowSql {

    static final String INSERT = """
            INSERT INTO article (external_id, title, subtitle, summary, list_summary, source, author, editor,
              kind, status, featured, featured_order, primary_column_id, region, published_at, created_at,
              updated_at, view_count, content_hash, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?, 1)""";
    static final String UPDATE = """
            UPDATE article SET title = ?, subtitle = ?, summary = ?, list_summary = ?, source = ?, author = ?,
              editor = ?, kind = ?, status = ?, featured = ?, primary_column_id = ?, region = ?,
              published_at = ?, updated_at = ?, content_hash = ?, version = version + 1
            WHERE id = ?""";
    static final String INSERT_BODY = "INSERT INTO article_body (article_id, body_html) VALUES (?, ?)";
    static final String UPDATE_BODY = "UPDATE article_body SET body_html = ? WHERE article_id = ?";

    private ArticleRowSql() {
    }

    static void bindInsert(PreparedStatement ps, PreparedArticle row, LocalDateTime at) throws SQLException {
        ps.setString(1, row.input().externalId());
        fields(ps, 2, row);
        ps.setObject(15, at);
        ps.setObject(16, at);
        ps.setString(17, row.contentHash());
    }

    static void bindUpdate(PreparedStatement ps, long id, PreparedArticle row, LocalDateTime at)
            throws SQLException {
        fields(ps, 1, row);
        ps.setObject(14, at);
        ps.setString(15, row.contentHash());
        ps.setLong(16, id);
    }

    static void bindInsertBody(PreparedStatement ps, long id, PreparedArticle row) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, row.input().bodyHtml());
    }

    static void bindUpdateBody(PreparedStatement ps, long id, PreparedArticle row) throws SQLException {
        ps.setString(1, row.input().bodyHtml());
        ps.setLong(2, id);
    }

    /** The fields INSERT and UPDATE share, from title to published_at (13 parameters from {@code first}). */
    private static void fields(PreparedStatement ps, int first, PreparedArticle row) throws SQLException {
        ArticleInput in = row.input();
        int i = first;
        ps.setString(i++, in.title());
        ps.setString(i++, in.subtitle());
        ps.setString(i++, in.summary());
        ps.setString(i++, row.listSummary());
        ps.setString(i++, in.source());
        ps.setString(i++, in.author());
        ps.setString(i++, in.editor());
        ps.setString(i++, in.kind().name());
        ps.setString(i++, in.status().name());
        ps.setBoolean(i++, in.featured());
        ps.setLong(i++, in.primaryColumnId());
        ps.setString(i++, in.region());
        if (in.publishedAt() == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setObject(i, Times.toDb(in.publishedAt()));
        }
    }
}
