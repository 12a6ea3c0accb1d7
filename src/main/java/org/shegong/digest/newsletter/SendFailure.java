package org.shegong.digest.newsletter;

import java.time.Instant;

/**
 * A mail that failed at least once: the address, the attempts so far, the last error, and whether it is
 * still to be retried (status PENDING) or given up (FAILED).
 */
public record SendFailure(String email, int attempts, String lastError, Instant lastAttemptAt, String status) {
}
