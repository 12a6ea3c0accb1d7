package org.shegong.editorial.workflow;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Role;
import org.shegong.column.ReviewRules;

/**
 * The editorial part of the authorization policy: which role each workflow action needs in the article's
 * primary column, asked of {@link Authorization}. Review levels climb the ladder 初审 (editor) → 复审 (reviewer)
 * → 终审 (chief editor); a column with fewer levels drops the lower rungs, so its last level is always the chief
 * editor's. Contributors may write and submit only their own articles that are not on the site.
 *
 * <p>Separation of duties (ADR 0028): nobody passes a review level of their own article, and, unless the
 * column turns it off, nobody passes two levels of one round. A reviewer who may pass the current level may
 * also correct the text ({@link WorkflowAction#REVISE}); the review then goes on at that level.
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
        return Authorization.mayWriteIn(actor, columnId);
    }

    /** As {@link #may(Actor, WorkflowAction, WorkflowRecord, ReviewRules)}, each level needing its own person. */
    public static boolean may(Actor actor, WorkflowAction action, WorkflowRecord record, int levels) {
        return may(actor, action, record, ReviewRules.of(levels));
    }

    public static boolean may(Actor actor, WorkflowAction action, WorkflowRecord record, ReviewRules rules) {
        long column = record.columnId();
        if (actor.isSystem()) {
            return action == WorkflowAction.EXPIRE
                    || action == WorkflowAction.PUBLISH && record.state() == WorkflowState.SCHEDULED;
        }
        boolean own = record.ownerId() != null && record.ownerId().equals(actor.userId());
        return switch (action) {
            case EDIT, SUBMIT -> Authorization.holds(actor, Role.EDITOR, column)
                    || own && Authorization.holds(actor, Role.CONTRIBUTOR, column) && !record.live();
            case APPROVE, REVISE -> record.state() == WorkflowState.IN_REVIEW
                    ? mayPass(actor, record, rules, own)
                    : Authorization.holds(actor, Role.CHIEF_EDITOR, column);
            case APPROVE_AND_PUBLISH -> record.state() == WorkflowState.IN_REVIEW
                    && record.reviewLevel() >= rules.levels() && mayPass(actor, record, rules, own)
                    && Authorization.holds(actor, Role.CHIEF_EDITOR, column);
            case REJECT -> record.state() == WorkflowState.IN_REVIEW
                    ? Authorization.holds(actor, reviewerFor(record.reviewLevel(), rules.levels()), column)
                    : Authorization.holds(actor, Role.CHIEF_EDITOR, column);
            case PUBLISH, SCHEDULE, UNSCHEDULE, WITHDRAW -> Authorization.holds(actor, Role.CHIEF_EDITOR, column);
            case EXPIRE -> false;
        };
    }

    /**
     * Why the actor may not pass the current level although their role would allow it, or null: the reasons
     * of separation of duties, shown to the person instead of a bare "no permission".
     */
    public static String separationRefusal(Actor actor, WorkflowRecord record, ReviewRules rules) {
        if (actor.isSystem() || record.state() != WorkflowState.IN_REVIEW || !Authorization.holds(actor,
                reviewerFor(record.reviewLevel(), rules.levels()), record.columnId())) {
            return null;
        }
        if (record.ownerId() != null && record.ownerId().equals(actor.userId())) {
            return "您不能审核自己的稿件";
        }
        if (rules.oneLevelPerPerson() && record.passedThisRound(actor.userId())) {
            return "您已通过本轮的一级审核，同一轮的下一级须由其他人审核";
        }
        return null;
    }

    private static boolean mayPass(Actor actor, WorkflowRecord record, ReviewRules rules, boolean own) {
        return Authorization.holds(actor, reviewerFor(record.reviewLevel(), rules.levels()), record.columnId())
                && !own && !(rules.oneLevelPerPerson() && record.passedThisRound(actor.userId()));
    }
}
