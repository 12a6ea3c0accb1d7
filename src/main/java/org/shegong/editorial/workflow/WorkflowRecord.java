package org.shegong.editorial.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's editorial position: its state, the review level it waits for (1-based, while in review), the
 * newest and the live revision numbers, whether it is on the public site, its schedule, and who passed a level
 * of the current review round. It changes only through the named transitions below, each of which says what
 * a step keeps and what it clears; {@code version} is the row version the next compare-and-set expects.
 */
public record WorkflowRecord(long articleId, WorkflowState state, int reviewLevel, Long ownerId, long columnId,
                             int latestRevision, Integer liveRevision, boolean live, Instant goLiveAt,
                             Instant expireAt, String lastComment, Instant updatedAt, int version,
                             List<Long> roundReviewers) {

    public WorkflowRecord {
        roundReviewers = roundReviewers == null ? List.of() : List.copyOf(roundReviewers);
    }

    /** A new article's row: a draft owned by its writer, at revision 1. */
    public static WorkflowRecord newDraft(long articleId, Long ownerId, long columnId, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.DRAFT, 0, ownerId, columnId, 1, null, false, null, null,
                null, now, 0, List.of());
    }

    /** The row of an article that came in by import, mirroring its public state, at revision 0. */
    public static WorkflowRecord adopted(long articleId, WorkflowState state, boolean live, long columnId,
                                         Instant now) {
        return new WorkflowRecord(articleId, state, 0, null, columnId, 0, live ? 0 : null, live, null, null, null,
                now, 0, List.of());
    }

    /** True when a newer revision than the live one is being worked on. */
    public boolean hasPendingChange() {
        return live && liveRevision != null && latestRevision != liveRevision;
    }

    /** True when this person already passed a level of the current review round. */
    public boolean passedThisRound(Long userId) {
        return userId != null && roundReviewers.contains(userId);
    }

    /** A saved revision: back to draft (a withdrawn article stays withdrawn), any schedule dropped. */
    public WorkflowRecord saved(int number, Long savedBy, long primaryColumnId, Instant now) {
        WorkflowState next = state == WorkflowState.WITHDRAWN ? WorkflowState.WITHDRAWN : WorkflowState.DRAFT;
        return new WorkflowRecord(articleId, next, 0, ownerId == null ? savedBy : ownerId, primaryColumnId, number,
                liveRevision, live, null, expireAt, lastComment, now, version, List.of());
    }

    /** A reviewer's correction during review: a new revision, and the review goes on at the same level. */
    public WorkflowRecord correctedInReview(int number, long primaryColumnId, Instant now) {
        return new WorkflowRecord(articleId, state, reviewLevel, ownerId, primaryColumnId, number, liveRevision,
                live, goLiveAt, expireAt, lastComment, now, version, roundReviewers);
    }

    /** Sent to the first review level: a new round, nobody has passed a level of it yet. */
    public WorkflowRecord submitted(String note, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.IN_REVIEW, 1, ownerId, columnId, latestRevision,
                liveRevision, live, null, expireAt, note, now, version, List.of());
    }

    /** The current level passed by {@code reviewerId}: on to the next level, or approved after the last. */
    public WorkflowRecord approvedAt(int levels, Long reviewerId, String note, Instant now) {
        boolean last = reviewLevel >= levels;
        List<Long> reviewers = new ArrayList<>(roundReviewers);
        if (reviewerId != null && !reviewers.contains(reviewerId)) {
            reviewers.add(reviewerId);
        }
        return new WorkflowRecord(articleId, last ? WorkflowState.APPROVED : WorkflowState.IN_REVIEW,
                last ? 0 : reviewLevel + 1, ownerId, columnId, latestRevision, liveRevision, live, null, expireAt,
                note, now, version, reviewers);
    }

    public WorkflowRecord rejected(String reason, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.REJECTED, 0, ownerId, columnId, latestRevision,
                liveRevision, live, null, expireAt, reason, now, version, List.of());
    }

    public WorkflowRecord scheduled(Instant at, Instant expiry, String note, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.SCHEDULED, 0, ownerId, columnId, latestRevision,
                liveRevision, live, at, expiry, note, now, version, roundReviewers);
    }

    /** Back to approved; a live article keeps its expiry, one not yet on the site drops the planned one. */
    public WorkflowRecord unscheduled(String note, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.APPROVED, 0, ownerId, columnId, latestRevision,
                liveRevision, live, null, live ? expireAt : null, note, now, version, roundReviewers);
    }

    /** The newest revision is on the site. */
    public WorkflowRecord published(Instant expiry, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.LIVE, 0, ownerId, columnId, latestRevision,
                latestRevision, true, null, expiry, null, now, version, List.of());
    }

    /** Off the site; the revisions stay. */
    public WorkflowRecord withdrawn(String comment, Instant now) {
        return new WorkflowRecord(articleId, WorkflowState.WITHDRAWN, 0, ownerId, columnId, latestRevision,
                liveRevision, false, null, null, comment, now, version, List.of());
    }
}
