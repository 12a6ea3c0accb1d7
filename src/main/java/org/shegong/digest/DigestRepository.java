package org.shegong.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The digest and digest_entry tables. */
@Repository
class DigestRepository {

    private static final String COLUMNS = "id, window_from, window_to, article_id, status, introduction, edited, "
            + "created_at, updated_at, published_at";

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Digest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest WHERE id = ?").param(id)
                .query(DigestRepository::digest).optional();
    }

    Optional<Digest> findByWindow(DigestWindow window) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest WHERE window_from = ? AND window_to = ?")
                .params(window.from(), window.to()).query(DigestRepository::digest).optional();
    }

    Optional<Digest> findByArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest WHERE article_id = ?").param(articleId)
                .query(DigestRepository::digest).optional();
    }

    /** Newest windows first. */
    List<Digest> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest ORDER BY window_to DESC, id DESC LIMIT ?").param(limit)
                .query(DigestRepository::digest).list();
    }

    /** Published digests, newest window first, after a position (null: from the newest): a keyset page. */
    List<Digest> publishedAfter(java.time.LocalDate windowTo, long id, int limit) {
        if (windowTo == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM digest WHERE status = 'PUBLISHED'"
                            + " ORDER BY window_to DESC, id DESC LIMIT ?")
                    .param(limit).query(DigestRepository::digest).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest WHERE status = 'PUBLISHED' AND window_to <= ?"
                        + " AND (window_to < ? OR id < ?) ORDER BY window_to DESC, id DESC LIMIT ?")
                .params(windowTo, windowTo, id, limit).query(DigestRepository::digest).list();
    }

    long insert(DigestWindow window, long articleId, String introduction, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO digest (window_from, window_to, article_id, status, introduction, edited, created_at,
                  updated_at, published_at)
                VALUES (?, ?, ?, 'DRAFT', ?, FALSE, ?, ?, NULL)""")
                .params(window.from(), window.to(), articleId, introduction, Times.toDb(now), Times.toDb(now))
                .update(keys);
        return GeneratedKeys.id(keys);
    }

    void update(long id, String introduction, boolean edited, Instant now) {
        jdbc.sql("UPDATE digest SET introduction = ?, edited = ?, updated_at = ? WHERE id = ?")
                .params(introduction, edited, Times.toDb(now), id).update();
    }

    /** Marks a draft published; false when it was not a draft any more (published concurrently). */
    boolean markPublished(long id, Instant now) {
        return jdbc.sql("UPDATE digest SET status = 'PUBLISHED', published_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'DRAFT'")
                .params(Times.toDb(now), Times.toDb(now), id).update() == 1;
    }

    List<DigestEntry> entries(long digestId) {
        return jdbc.sql("""
                SELECT section_key, article_id, title, summary FROM digest_entry
                WHERE digest_id = ? ORDER BY sort_order""")
                .param(digestId)
                .query((rs, n) -> new DigestEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void replaceEntries(long digestId, List<DigestEntry> entries) {
        jdbc.sql("DELETE FROM digest_entry WHERE digest_id = ?").param(digestId).update();
        int order = 0;
        for (DigestEntry entry : entries) {
            jdbc.sql("""
                    INSERT INTO digest_entry (digest_id, sort_order, section_key, article_id, title, summary)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(digestId, order++, entry.sectionKey(), entry.articleId(), entry.title(), entry.summary())
                    .update();
        }
    }

    private static Digest digest(ResultSet rs, int row) throws SQLException {
        return new Digest(rs.getLong("id"),
                new DigestWindow(rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class)),
                rs.getLong("article_id"), Digest.Status.valueOf(rs.getString("status")), rs.getString("introduction"),
                rs.getBoolean("edited"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Times.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
