package org.shegong.system.audit;


import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of editorial actions. This class is the only code that touches audit_log, and it has
 * no update or delete: an entry, once written in an action's transaction, stays.
 */
@Repository
public class AuditLog {

    private static final String COLUMNS = "id, at, actor_id, actor_name, action, article_id, revision_number, "
            + "address, comment";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void append(AuditActor actor, AuditCode action, Long articleId, Integer revisionNumber, String comment) {
        jdbc.sql("""
                INSERT INTO audit_log (at, actor_id, actor_name, action, article_id, revision_number, address, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Times.toDb(clock.instant()), actor.userId(), actor.name(), action.code(), articleId, revisionNumber,
                        actor.address(), comment == null || comment.isBlank() ? null : truncate(comment.strip()))
                .update();
    }

    /** An article's history, oldest first. */
    public List<AuditEntry> forArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE article_id = ? ORDER BY id")
                .param(articleId).query(AuditLog::entry).list();
    }

    /** What an administrator filters the log by; every field optional. */
    public record Filter(Long actorId, AuditCode action, Long articleId, java.time.Instant from, java.time.Instant to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** Entries matching the filter with ids below {@code beforeId} (null: from the newest), newest first. */
    public List<AuditEntry> search(Filter filter, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (filter.actorId() != null) {
            sql.append(" AND actor_id = ?");
            params.add(filter.actorId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            params.add(filter.action().code());
        }
        if (filter.articleId() != null) {
            sql.append(" AND article_id = ?");
            params.add(filter.articleId());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Times.toDb(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            params.add(Times.toDb(filter.to()));
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
    }

    /** The newest entries, optionally only one actor's or one action's, newest first. */
    public List<AuditEntry> latest(Long actorId, AuditCode action, int limit) {
        return search(new Filter(actorId, action, null, null, null), null, limit);
    }

    private static String truncate(String comment) {
        return comment.length() <= 2000 ? comment : comment.substring(0, 2000);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Object actor = rs.getObject("actor_id");
        Object article = rs.getObject("article_id");
        Object revision = rs.getObject("revision_number");
        return new AuditEntry(rs.getLong("id"), Times.fromDb(rs.getObject("at", LocalDateTime.class)),
                actor == null ? null : ((Number) actor).longValue(), rs.getString("actor_name"),
                rs.getString("action"), article == null ? null : ((Number) article).longValue(),
                revision == null ? null : ((Number) revision).intValue(), rs.getString("address"),
                rs.getString("comment"));
    }
}
