package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
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
        String note = ArticleWorkflow.optionalComment(comment);
        WorkflowRecord next = record.approvedAt(levels, actor.userId(), note, workflow.now());
        WorkflowState state = next.state();
        workflow.move(record, next, actor);
        String level = Permissions.levelName(record.reviewLevel(), levels);
        workflow.audit(actor, AuditCode.APPROVE, articleId, record.latestRevision(),
                level + "通过" + (note == null ? "" : "：" + note));
        return state;
    }
}
