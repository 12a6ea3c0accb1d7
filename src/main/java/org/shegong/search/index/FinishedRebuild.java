package org.shegong.search.index;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A rebuild that completed: when, how long it took, how many documents it wrote. Kept in the index's commit. */
public record FinishedRebuild(Instant finishedAt, Duration took, long documents) {

    private static final String FINISHED_AT = "shegong.rebuilt-at";
    private static final String TOOK_MILLIS = "shegong.rebuild-millis";
    private static final String DOCUMENTS = "shegong.rebuild-documents";

    /** To the millisecond, as the commit keeps it. */
    public FinishedRebuild {
        finishedAt = finishedAt.truncatedTo(ChronoUnit.MILLIS);
        took = Duration.ofMillis(took.toMillis());
    }

    /** Documents per second. */
    public long rate() {
        return Math.round(documents / Math.max(took.toMillis() / 1000.0, 0.001));
    }

    /** The record in a commit's user data, or null when it holds none. */
    static FinishedRebuild fromCommit(Map<String, String> data) {
        try {
            return new FinishedRebuild(Instant.ofEpochMilli(Long.parseLong(data.get(FINISHED_AT))),
                    Duration.ofMillis(Long.parseLong(data.get(TOOK_MILLIS))), Long.parseLong(data.get(DOCUMENTS)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void toCommit(Map<String, String> data) {
        data.put(FINISHED_AT, Long.toString(finishedAt.toEpochMilli()));
        data.put(TOOK_MILLIS, Long.toString(took.toMillis()));
        data.put(DOCUMENTS, Long.toString(documents));
    }
}
