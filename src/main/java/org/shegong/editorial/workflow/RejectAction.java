package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends the article back to its author with a comment that says what to change. */
@Component
public class RejectAction {

    private final ArticleWorkflow workflow;

    public RejectAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public void reject(Actor actor, long articleId, String comment) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.REJECT, record);
        String reason = ArticleWorkflow.requireComment(comment, "退回意见");
        workflow.move(record, record.rejected(reason, workflow.now()), actor);
        workflow.audit(actor, AuditCode.REJECT, articleId, record.latestRevision(), reason);
    }
}
