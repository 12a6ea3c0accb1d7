package org.shegong.editorial.workflow;

import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Passes the review level the article waits at: on to the next level, or, after the last, ready to publish. */
@Component
public class ApproveAction {

    private final ArticleWorkflow workflow;

    public ApproveAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Returns the state the article moved to. */
    @Transactional
    public WorkflowState approve(Actor actor, long articleId, String comment) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.APPROVE, record);
        int levels = workflow.levels(record);
        boolean last = record.reviewLevel() >= levels;
        WorkflowState state = last ? WorkflowState.APPROVED : WorkflowState.IN_REVIEW;
        String note = ArticleWorkflow.optionalComment(comment);
        workflow.move(record, new WorkflowRecord(articleId, state, last ? 0 : record.reviewLevel() + 1,
                record.ownerId(), record.columnId(), record.latestRevision(), record.liveRevision(), record.live(),
                null, record.expireAt(), note, workflow.now(), record.version()), actor);
        String level = Permissions.levelName(record.reviewLevel(), levels);
        workflow.audit(actor, "approve", articleId, record.latestRevision(),
                level + "通过" + (note == null ? "" : "：" + note));
        return state;
    }
}
