package org.shegong.engage;

import java.time.Instant;

/** One of an organisation's submissions as the organisation sees it: its stage and, when sent back, why. */
public record Submission(long articleId, String title, String columnName, String stage, String comment,
                         Instant updatedAt, boolean live) {
}
