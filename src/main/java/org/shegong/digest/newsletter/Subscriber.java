package org.shegong.digest.newsletter;

import java.time.Instant;

/** A newsletter subscriber and where their double opt-in stands. */
public record Subscriber(long id, String email, Status status, Instant confirmSentAt, Instant confirmWindowStart,
                         int confirmSends, String unsubscribeToken, Instant createdAt, Instant confirmedAt) {

    public enum Status { PENDING, CONFIRMED, UNSUBSCRIBED }
}
