package org.shegong.editorial.workflow;

import org.shegong.account.Actor;

import org.shegong.account.Role;

/**
 * Who may do what in a column. Review levels climb the ladder 初审 (editor) → 复审 (reviewer) → 终审 (chief
 * editor); a column with fewer levels drops the lower rungs, so its last level is always the chief editor's.
 * Contributors may write and submit only their own articles that are not on the site.
 */
public final class Permissions {

    private static final Role[] LADDER = {Role.EDITOR, Role.REVIEWER, Role.CHIEF_EDITOR};

    private Permissions() {
    }

    /** The role needed to approve or reject at {@code level} (1-based) of a column with {@code levels} levels. */
    public static Role reviewerFor(int level, int levels) {
        int clamped = Math.max(1, Math.min(3, levels));
        return LADDER[3 - clamped + Math.max(1, Math.min(level, clamped)) - 1];
    }

    public static String levelName(int level, int levels) {
        return switch (reviewerFor(level, levels)) {
            case EDITOR -> "初审";
            case REVIEWER -> "复审";
            default -> "终审";
        };
    }

    /** May the actor start a new article in the column? */
    public static boolean mayCreate(Actor actor, long columnId) {
        return !actor.isSystem() && actor.has(Role.CONTRIBUTOR, columnId);
    }

    public static boolean may(Actor actor, WorkflowAction action, WorkflowRecord record, int levels) {
        long column = record.columnId();
        if (actor.isSystem()) {
            return action == WorkflowAction.EXPIRE
                    || action == WorkflowAction.PUBLISH && record.state() == WorkflowState.SCHEDULED;
        }
        return switch (action) {
            case EDIT, SUBMIT -> actor.has(Role.EDITOR, column) || actor.has(Role.CONTRIBUTOR, column)
                    && record.ownerId() != null && record.ownerId().equals(actor.userId()) && !record.live();
            case APPROVE, REJECT -> record.state() == WorkflowState.IN_REVIEW
                    ? actor.has(reviewerFor(record.reviewLevel(), levels), column)
                    : actor.has(Role.CHIEF_EDITOR, column);
            case PUBLISH, SCHEDULE, UNSCHEDULE, WITHDRAW -> actor.has(Role.CHIEF_EDITOR, column);
            case EXPIRE -> false;
        };
    }
}
