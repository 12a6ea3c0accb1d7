package org.shegong.editorial.workflow;

import java.time.Instant;

/**
 * An article's editorial position: its state, the review level it waits for (1-based, while in review), the
 * newest and the live revision numbers, whether it is on the public site, and its schedule.
 */
public record WorkflowRecord(long articleId, WorkflowState state, int reviewLevel, Long ownerId, long columnId,
                             int latestRevision, Integer liveRevision, boolean live, Instant goLiveAt,
                             Instant expireAt, String lastComment, Instant updatedAt, int version) {

    /** True when a newer revision than the live one is being worked on. */
    public boolean hasPendingChange() {
        return live && liveRevision != null && latestRevision != liveRevision;
    }
}
