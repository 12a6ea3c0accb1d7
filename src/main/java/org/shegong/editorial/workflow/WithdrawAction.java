package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** 撤稿: takes a live article off the public site, with a reason that goes into the audit log. */
@Component
public class WithdrawAction {

    private final ArticleWorkflow workflow;

    public WithdrawAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public void withdraw(Actor actor, long articleId, String reason) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.WITHDRAW, record);
        String why = ArticleWorkflow.requireComment(reason, "撤稿理由");
        workflow.takeDown(record, actor, why);
        workflow.audit(actor, AuditCode.WITHDRAW, articleId, record.liveRevision(), why);
    }
}
