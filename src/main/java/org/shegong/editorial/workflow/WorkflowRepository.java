package org.shegong.editorial.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The article_workflow table. Every change is a compare-and-set on {@code version}. */
@Repository
public class WorkflowRepository {

    private static final String COLUMNS = "article_id, state, review_level, owner_id, column_id, latest_revision, "
            + "live_revision, live, go_live_at, expire_at, last_comment, updated_at, version, round_reviewers";

    private final JdbcClient jdbc;

    public WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkflowRecord r, Long updatedBy) {
        jdbc.sql("INSERT INTO article_workflow (" + COLUMNS + ", updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.articleId(), r.state().name(), r.reviewLevel(), r.ownerId(), r.columnId(),
                        r.latestRevision(), r.liveRevision(), r.live(), Times.toDb(r.goLiveAt()),
                        Times.toDb(r.expireAt()), r.lastComment(), Times.toDb(r.updatedAt()), r.version(),
                        reviewers(r.roundReviewers()), updatedBy)
                .update();
    }

    public Optional<WorkflowRecord> find(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article_workflow WHERE article_id = ?").param(articleId)
                .query(WorkflowRepository::record).optional();
    }

    /**
     * Writes {@code next} only if the row is still at {@code expectedVersion}; returns false when someone else
     * moved the article first. {@code next.version()} is ignored: the stored version goes up by one.
     */
    public boolean compareAndSet(WorkflowRecord next, int expectedVersion, Long updatedBy) {
        return jdbc.sql("""
                UPDATE article_workflow SET state = ?, review_level = ?, owner_id = ?, column_id = ?,
                  latest_revision = ?, live_revision = ?, live = ?, go_live_at = ?, expire_at = ?, last_comment = ?,
                  updated_at = ?, updated_by = ?, round_reviewers = ?, version = version + 1
                WHERE article_id = ? AND version = ?""")
                .params(next.state().name(), next.reviewLevel(), next.ownerId(), next.columnId(),
                        next.latestRevision(), next.liveRevision(), next.live(), Times.toDb(next.goLiveAt()),
                        Times.toDb(next.expireAt()), next.lastComment(), Times.toDb(next.updatedAt()), updatedBy,
                        reviewers(next.roundReviewers()),
                        next.articleId(), expectedVersion)
                .update() == 1;
    }

    /** Scheduled articles whose time has come, oldest first. */
    public List<Long> dueForPublishing(Instant now, int limit) {
        return jdbc.sql("""
                SELECT article_id FROM article_workflow WHERE state = 'SCHEDULED' AND go_live_at <= ?
                ORDER BY go_live_at, article_id LIMIT ?""")
                .params(Times.toDb(now), limit).query(Long.class).list();
    }

    /** Live articles whose expiry time has come. */
    public List<Long> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                SELECT article_id FROM article_workflow WHERE live = TRUE AND expire_at <= ?
                ORDER BY expire_at, article_id LIMIT ?""")
                .params(Times.toDb(now), limit).query(Long.class).list();
    }

    /** Live articles with a newer revision than the live one, in id order after {@code afterId}. */
    public List<Long> pendingLive(long afterId, int limit) {
        return jdbc.sql("""
                SELECT article_id FROM article_workflow
                WHERE live = TRUE AND latest_revision <> live_revision AND article_id > ?
                ORDER BY article_id LIMIT ?""")
                .params(afterId, limit).query(Long.class).list();
    }

    public long countPendingLive() {
        return jdbc.sql("SELECT COUNT(*) FROM article_workflow WHERE live = TRUE AND latest_revision <> live_revision")
                .query(Long.class).single();
    }

    /** Articles in one of the states, optionally only one owner's, most recently changed first. */
    public List<WorkflowRecord> inStates(List<WorkflowState> states, Long ownerId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article_workflow WHERE state IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(states.size(), "?"))).append(")");
        List<Object> params = new java.util.ArrayList<>(states.stream().map(Enum::name).toList());
        if (ownerId != null) {
            sql.append(" AND owner_id = ?");
            params.add(ownerId);
        }
        sql.append(" ORDER BY updated_at DESC, article_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(WorkflowRepository::record).list();
    }

    /** The ids of one person's articles, newest first (a contributor's own list: short). */
    public List<Long> idsOwnedBy(long ownerId, int limit) {
        return jdbc.sql("SELECT article_id FROM article_workflow WHERE owner_id = ? ORDER BY owner_id, updated_at DESC LIMIT ?")
                .params(ownerId, limit).query(Long.class).list();
    }

    /** The ids of the articles in a state: editorial queues are short, so they are handed to the list as a set. */
    public List<Long> idsInState(WorkflowState state, int limit) {
        return jdbc.sql("SELECT article_id FROM article_workflow WHERE state = ? ORDER BY updated_at DESC LIMIT ?")
                .params(state.name(), limit).query(Long.class).list();
    }

    public java.util.Map<Long, WorkflowRecord> findAll(java.util.Collection<Long> articleIds) {
        java.util.Map<Long, WorkflowRecord> found = new java.util.HashMap<>();
        if (articleIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM article_workflow WHERE article_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(articleIds.size(), "?")) + ")")
                .params(new java.util.ArrayList<>(articleIds)).query(WorkflowRepository::record).list()
                .forEach(r -> found.put(r.articleId(), r));
        return found;
    }

    private static WorkflowRecord record(ResultSet rs, int row) throws SQLException {
        Object owner = rs.getObject("owner_id");
        Object live = rs.getObject("live_revision");
        return new WorkflowRecord(rs.getLong("article_id"), WorkflowState.valueOf(rs.getString("state")),
                rs.getInt("review_level"), owner == null ? null : ((Number) owner).longValue(), rs.getLong("column_id"),
                rs.getInt("latest_revision"), live == null ? null : ((Number) live).intValue(), rs.getBoolean("live"),
                Times.fromDb(rs.getObject("go_live_at", LocalDateTime.class)),
                Times.fromDb(rs.getObject("expire_at", LocalDateTime.class)), rs.getString("last_comment"),
                Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)), rs.getInt("version"),
                reviewers(rs.getString("round_reviewers")));
    }

    private static String reviewers(List<Long> ids) {
        return ids.isEmpty() ? null : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> reviewers(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}
