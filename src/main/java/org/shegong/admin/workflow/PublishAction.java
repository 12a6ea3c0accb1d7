package org.shegong.admin.workflow;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts an approved (or scheduled) revision on the public site now, optionally with a time to take it down. */
@Component
public class PublishAction {

    private final ArticleWorkflow workflow;

    public PublishAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    public java.time.Instant now() {
        return workflow.now();
    }

    @Transactional
    public void publish(Actor actor, long articleId, Instant expireAt, String comment) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.PUBLISH, record);
        if (actor.isSystem() && (record.goLiveAt() == null || record.goLiveAt().isAfter(workflow.now()))) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION, "尚未到定时发布时间");
        }
        Instant expiry = expireAt != null ? expireAt : record.expireAt();
        if (expiry != null && !expiry.isAfter(workflow.now())) {
            throw new EditorialException(EditorialException.Kind.INVALID, "下线时间必须晚于当前时间");
        }
        workflow.publishLatest(record, actor, expiry);
        workflow.audit(actor, "publish", articleId, record.latestRevision(), ArticleWorkflow.optionalComment(comment));
    }
}
