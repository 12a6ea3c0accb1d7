package org.shegong.engage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The only code that touches engage_question. */
@Repository
class QuestionRepository {

    private static final String COLUMNS = "id, article_id, column_id, asker_name, contact, title, body, state, flags, "
            + "client_address, created_at, answer, answered_by_name, answered_at, moderation_note, version";

    private final JdbcClient jdbc;

    QuestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewQuestion q, String flags, String address, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO engage_question (article_id, column_id, asker_name, contact, title, body, state, flags,
                  client_address, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(q.articleId(), q.columnId(), q.askerName(), q.contact(), q.title(), q.body(),
                        QuestionState.PENDING.name(), flags, address, Times.toDb(now))
                .update(keys, "id");
        return GeneratedKeys.id(keys);
    }

    Optional<Question> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engage_question WHERE id = ?").param(id)
                .query(QuestionRepository::row).optional();
    }

    int countFromAddressSince(String address, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_question WHERE client_address = ? AND created_at >= ?")
                .params(address, Times.toDb(since)).query(Integer.class).single();
    }

    int countFromContactSince(String contact, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_question WHERE contact = ? AND created_at >= ?")
                .params(contact, Times.toDb(since)).query(Integer.class).single();
    }

    /** Questions in a state, oldest first (the queue answers the longest-waiting reader first). */
    List<Question> inState(QuestionState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engage_question WHERE state = ? ORDER BY state, created_at, id LIMIT ?")
                .params(state.name(), limit).query(QuestionRepository::row).list();
    }

    int countInState(QuestionState state) {
        return jdbc.sql("SELECT COUNT(*) FROM engage_question WHERE state = ?").param(state.name())
                .query(Integer.class).single();
    }

    /** Published questions, newest answer first: all of them, or one article's, or one column's. */
    List<Question> published(Long articleId, Long columnId, int offset, int limit) {
        String where = articleId != null ? "article_id = ? AND " : columnId != null ? "column_id = ? AND " : "";
        String order = articleId != null ? "article_id, " : columnId != null ? "column_id, " : "";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + COLUMNS + " FROM engage_question WHERE " + where
                + "state = ? ORDER BY " + order + "state, answered_at DESC, id DESC LIMIT ? OFFSET ?");
        if (articleId != null) {
            spec = spec.param(articleId);
        } else if (columnId != null) {
            spec = spec.param(columnId);
        }
        return spec.param(QuestionState.PUBLISHED.name()).param(limit).param(offset)
                .query(QuestionRepository::row).list();
    }

    int countPublished(Long columnId) {
        return columnId == null
                ? countInState(QuestionState.PUBLISHED)
                : jdbc.sql("SELECT COUNT(*) FROM engage_question WHERE column_id = ? AND state = ?")
                        .params(columnId, QuestionState.PUBLISHED.name()).query(Integer.class).single();
    }

    /** Publishes with the answer, unless someone else moderated the question since it was read. */
    boolean publish(Question q, String answer, Long staffId, String staffName, Instant now) {
        return jdbc.sql("""
                UPDATE engage_question SET state = ?, answer = ?, answered_by = ?, answered_by_name = ?,
                  answered_at = ?, moderation_note = NULL, version = version + 1 WHERE id = ? AND version = ?""")
                .params(QuestionState.PUBLISHED.name(), answer, staffId, staffName,
                        Times.toDb(q.answeredAt() != null ? q.answeredAt() : now), q.id(), q.version())
                .update() == 1;
    }

    boolean reject(Question q, String note) {
        return jdbc.sql("UPDATE engage_question SET state = ?, moderation_note = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(QuestionState.REJECTED.name(), note, q.id(), q.version()).update() == 1;
    }

    private static Question row(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getLong("id"), nullableLong(rs, "article_id"), nullableLong(rs, "column_id"),
                rs.getString("asker_name"), rs.getString("contact"), rs.getString("title"), rs.getString("body"),
                QuestionState.valueOf(rs.getString("state")), rs.getString("flags"), rs.getString("client_address"),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getString("answer"),
                rs.getString("answered_by_name"), Times.fromDb(rs.getObject("answered_at", LocalDateTime.class)),
                rs.getString("moderation_note"), rs.getInt("version"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).longValue();
    }
}
