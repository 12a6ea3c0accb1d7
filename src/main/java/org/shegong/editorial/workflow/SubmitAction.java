package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends the newest revision to the first review level. */
@Component
public class SubmitAction {

    private final ArticleWorkflow workflow;
    private final SensitiveGate sensitive;

    public SubmitAction(ArticleWorkflow workflow, SensitiveGate sensitive) {
        this.workflow = workflow;
        this.sensitive = sensitive;
    }

    @Transactional
    public void submit(Actor actor, long articleId, String comment) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.SUBMIT, record);
        if (record.latestRevision() == 0 || record.live() && !record.hasPendingChange()) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION, "没有需要提交的修改，请先保存稿件");
        }
        String note = ArticleWorkflow.optionalComment(comment);
        workflow.move(record, record.submitted(note, workflow.now()), actor);
        // Submitting is not blocked by forbidden words (reviewers may fix them), but the audit line names them.
        String words = sensitive.describe(record);
        workflow.audit(actor, AuditCode.SUBMIT, articleId, record.latestRevision(),
                words == null ? note : note == null ? words : note + "（" + words + "）");
    }
}
