package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cancels a scheduled publication; the revision stays approved. */
@Component
public class UnscheduleAction {

    private final ArticleWorkflow workflow;

    public UnscheduleAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public void unschedule(Actor actor, long articleId, String comment) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.UNSCHEDULE, record);
        String note = ArticleWorkflow.optionalComment(comment);
        workflow.move(record, record.unscheduled(note, workflow.now()), actor);
        workflow.audit(actor, AuditCode.UNSCHEDULE, articleId, record.latestRevision(), note);
    }
}
