package org.shegong.editorial.workflow;

import org.shegong.account.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通过并发布: the last reviewer, a chief editor, passes the last level and publishes in one step. Both halves run
 * in one transaction and are audited as what they are (an approval, then a publication); if the publication is
 * refused (forbidden words without a reason, say), the approval is not kept either.
 */
@Component
public class ApproveAndPublishAction {

    private final ArticleWorkflow workflow;
    private final ApproveAction approve;
    private final PublishAction publish;

    public ApproveAndPublishAction(ArticleWorkflow workflow, ApproveAction approve, PublishAction publish) {
        this.workflow = workflow;
        this.approve = approve;
        this.publish = publish;
    }

    @Transactional
    public void approveAndPublish(Actor actor, long articleId, String comment, String sensitiveOverride) {
        workflow.check(actor, WorkflowAction.APPROVE_AND_PUBLISH, workflow.load(articleId));
        approve.approve(actor, articleId, comment);
        publish.publish(actor, articleId, null, null, sensitiveOverride);
    }
}
