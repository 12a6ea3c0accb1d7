package org.shegong.content;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
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
              kind, status, featured, featured_order, primary_column_id, region, published_at, list_image,
              notice_start, notice_end, created_at, updated_at, content_hash, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
    static final String UPDATE = """
            UPDATE article SET title = ?, subtitle = ?, summary = ?, list_summary = ?, source = ?, author = ?,
              editor = ?, kind = ?, status = ?, featured = ?, primary_column_id = ?, region = ?,
              published_at = ?, list_image = ?, notice_start = ?, notice_end = ?, updated_at = ?, content_hash = ?, version = version + 1
            WHERE id = ?""";
    static final String INSERT_BODY = "INSERT INTO article_body (article_id, body_html) VALUES (?, ?)";
    static final String UPDATE_BODY = "UPDATE article_body SET body_html = ? WHERE article_id = ?";

    private ArticleRowSql() {
    }

    static void bindInsert(PreparedStatement ps, PreparedArticle row, LocalDateTime at) throws SQLException {
        ps.setString(1, row.input().externalId());
        fields(ps, 2, row);
        ps.setObject(18, at);
        ps.setObject(19, at);
        ps.setString(20, row.contentHash());
    }

    static void bindUpdate(PreparedStatement ps, long id, PreparedArticle row, LocalDateTime at)
            throws SQLException {
        fields(ps, 1, row);
        ps.setObject(17, at);
        ps.setString(18, row.contentHash());
        ps.setLong(19, id);
    }

    static void bindInsertBody(PreparedStatement ps, long id, PreparedArticle row) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, row.input().bodyHtml());
    }

    static void bindUpdateBody(PreparedStatement ps, long id, PreparedArticle row) throws SQLException {
        ps.setString(1, row.input().bodyHtml());
        ps.setLong(2, id);
    }

    /** The fields INSERT and UPDATE share, from title to notice_end (16 parameters from {@code first}). */
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
            ps.setNull(i++, Types.TIMESTAMP);
        } else {
            ps.setObject(i++, Times.toDb(in.publishedAt()));
        }
        KindFields f = in.fields();
        ps.setString(i++, f.thumbnailSource());
        date(ps, i++, f.noticeStart());
        date(ps, i, f.noticeEnd());
    }

    static void date(PreparedStatement ps, int i, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, day);
        }
    }

    /** The rest of an article's item-type fields: one row, replaced whole; none when there is nothing to keep. */
    static final String DELETE_FIELDS = "DELETE FROM article_fields WHERE article_id = ?";
    static final String INSERT_FIELDS = """
            INSERT INTO article_fields (article_id, cover_url, notice_contact, image_url, transcript, doc_number, issuer,
              written_on, validity, attachment_url, video_url, poster_url, external_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Whether the article_fields row has anything (the period lives on the article row). */
    static boolean hasFieldsRow(KindFields f) {
        return f.coverUrl() != null || f.noticeContact() != null || f.imageUrl() != null || f.transcript() != null || f.docNumber() != null
                || f.issuer() != null || f.writtenOn() != null || f.validity() != null || f.attachmentUrl() != null
                || f.videoUrl() != null || f.posterUrl() != null || f.externalUrl() != null;
    }

    static void bindInsertFields(PreparedStatement ps, long id, KindFields f) throws SQLException {
        int i = 1;
        ps.setLong(i++, id);
        ps.setString(i++, f.coverUrl());
        ps.setString(i++, f.noticeContact());
        ps.setString(i++, f.imageUrl());
        ps.setString(i++, f.transcript());
        ps.setString(i++, f.docNumber());
        ps.setString(i++, f.issuer());
        date(ps, i++, f.writtenOn());
        ps.setString(i++, f.validity() == null ? null : f.validity().name());
        ps.setString(i++, f.attachmentUrl());
        ps.setString(i++, f.videoUrl());
        ps.setString(i++, f.posterUrl());
        ps.setString(i, f.externalUrl());
    }
}
