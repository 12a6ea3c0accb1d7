package org.shegong.engage;

import java.time.Instant;

/** A member organisation's account for 投稿 (public side only; never a back-office user). */
public record Organisation(long id, String name, String contactPerson, String email, String phone, String passwordHash,
                           Instant emailVerifiedAt, Instant verifySentAt, boolean enabled, int failedLogins,
                           Instant lockedUntil) {

    public boolean verified() {
        return emailVerifiedAt != null;
    }

    /** The id the editorial workflow knows the organisation by: negative, so never a staff user's id. */
    public long actorId() {
        return -id;
    }
}
