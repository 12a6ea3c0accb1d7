package org.shegong.account;

import java.time.Instant;

/** A back-office account as the application sees it; the password hash never leaves the repository. */
public record Account(long id, String username, String displayName, boolean administrator, boolean enabled,
                      int failedLogins, Instant lastFailedAt, Instant lockedUntil, Instant createdAt) {
}
