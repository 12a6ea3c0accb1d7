package org.shegong.api.token;

import java.time.Instant;
import java.util.List;
import org.shegong.account.Role;

/**
 * A personal access token as stored: never its secret, only a hint ({@code sgp_Ab12}) to recognise it by. It acts
 * for its owner, with at most {@code role} and only in {@code columnIds}, until it expires or is revoked.
 */
public record ApiToken(long id, long ownerId, String name, String hint, Role role, List<Long> columnIds,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
                       Instant lastUsedAt) {

    public ApiToken {
        columnIds = List.copyOf(columnIds);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** 有效, 已过期 or 已吊销, as the token page shows it. */
    public String stateLabel(Instant now) {
        return revoked() ? "已吊销" : expired(now) ? "已过期" : "有效";
    }

    public boolean usable(Instant now) {
        return !revoked() && !expired(now);
    }
}
