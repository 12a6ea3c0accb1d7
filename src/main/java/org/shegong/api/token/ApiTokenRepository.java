package org.shegong.api.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.account.Role;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** api_token and api_token_column: the only code that reads or writes them. */
@Repository
public class ApiTokenRepository {

    private static final String COLUMNS = "id, owner_id, name, hint, role, created_at, expires_at, revoked_at, "
            + "revoked_by, last_used_at";

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long ownerId, String name, String secretHash, String hint, Role role, List<Long> columnIds,
                       Instant createdAt, Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (owner_id, name, secret_hash, hint, role, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(ownerId, name, secretHash, hint, role.name(), Times.toDb(createdAt), Times.toDb(expiresAt))
                .update(keys);
        long id = GeneratedKeys.id(keys);
        for (long columnId : columnIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO api_token_column (token_id, column_id) VALUES (?, ?)").params(id, columnId).update();
        }
        return id;
    }

    /** The token whose secret hashes to this value (revoked and expired ones too: the caller says why it refuses). */
    public Optional<ApiToken> byHash(String secretHash) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?").param(secretHash)
                .query(ApiTokenRepository::row).optional());
    }

    public Optional<ApiToken> find(long id) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(id)
                .query(ApiTokenRepository::row).optional());
    }

    /** One owner's tokens, newest first. */
    public List<ApiToken> ofOwner(long ownerId, int limit) {
        return withColumns(jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE owner_id = ? ORDER BY id DESC LIMIT ?")
                .params(ownerId, limit).query(ApiTokenRepository::row).list());
    }

    /** Everyone's tokens, newest first (the administrators' view). */
    public List<ApiToken> all(int limit) {
        return withColumns(jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY id DESC LIMIT ?")
                .param(limit).query(ApiTokenRepository::row).list());
    }

    /** Revokes a token that is not revoked yet; false when it already was (or does not exist). */
    public boolean revoke(long id, Instant at, String by) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Times.toDb(at), by, id).update() == 1;
    }

    /**
     * Records the use, at most once per {@code every} per token: a busy client causes one small update a minute,
     * not one per request.
     */
    public void touch(long id, Instant now, java.time.Duration every) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Times.toDb(now), id, Times.toDb(now.minus(every))).update();
    }

    private Optional<ApiToken> one(Optional<ApiToken> token) {
        return token.map(t -> withColumns(List.of(t)).get(0));
    }

    private List<ApiToken> withColumns(List<ApiToken> tokens) {
        if (tokens.isEmpty()) {
            return tokens;
        }
        Map<Long, List<Long>> columns = new HashMap<>();
        String ids = String.join(",", tokens.stream().map(t -> "?").toList());
        jdbc.sql("SELECT token_id, column_id FROM api_token_column WHERE token_id IN (" + ids + ") ORDER BY column_id")
                .params(tokens.stream().map(t -> (Object) t.id()).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tokens.stream().map(t -> new ApiToken(t.id(), t.ownerId(), t.name(), t.hint(), t.role(),
                columns.getOrDefault(t.id(), List.of()), t.createdAt(), t.expiresAt(), t.revokedAt(), t.revokedBy(),
                t.lastUsedAt())).toList();
    }

    private static ApiToken row(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"), rs.getString("hint"),
                Role.valueOf(rs.getString("role")), List.of(), time(rs, "created_at"), time(rs, "expires_at"),
                time(rs, "revoked_at"), rs.getString("revoked_by"), time(rs, "last_used_at"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return Times.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
