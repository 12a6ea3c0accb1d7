package org.shegong.search;

import java.time.Duration;
import java.time.Instant;

/** A rebuild that completed: when, how long it took, how many documents it wrote. Kept in the index's commit. */
public record FinishedRebuild(Instant finishedAt, Duration took, long documents) {

    /** Documents per second. */
    public long rate() {
        return Math.round(documents / Math.max(took.toMillis() / 1000.0, 0.001));
    }
}
