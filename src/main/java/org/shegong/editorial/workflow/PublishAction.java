package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts an approved (or scheduled) revision on the public site now, optionally with a time to take it down. */
@Component
public class PublishAction {

    private final ArticleWorkflow workflow;
    private final SensitiveGate sensitive;
    private final ApplicationEventPublisher events;

    public PublishAction(ArticleWorkflow workflow, SensitiveGate sensitive, ApplicationEventPublisher events) {
        this.workflow = workflow;
        this.sensitive = sensitive;
        this.events = events;
    }

    public java.time.Instant now() {
        return workflow.now();
    }

    @Transactional
    public void publish(Actor actor, long articleId, Instant expireAt, String comment) {
        publish(actor, articleId, expireAt, comment, null);
    }

    /**
     * Publishes now. A revision with forbidden words needs {@code sensitiveOverride}, a chief editor's reason;
     * the scheduler does not check again (the words were checked, or overridden, when it was scheduled).
     */
    @Transactional
    public void publish(Actor actor, long articleId, Instant expireAt, String comment, String sensitiveOverride) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.PUBLISH, record);
        if (actor.isSystem() && (record.goLiveAt() == null || record.goLiveAt().isAfter(workflow.now()))) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION, "尚未到定时发布时间");
        }
        Instant expiry = expireAt != null ? expireAt : record.expireAt();
        if (expiry != null && !expiry.isAfter(workflow.now())) {
            throw new EditorialException(EditorialException.Kind.INVALID, "下线时间必须晚于当前时间");
        }
        if (!actor.isSystem()) {
            sensitive.check(actor, record, sensitiveOverride);
        }
        workflow.publishLatest(record, actor, expiry);
        workflow.audit(actor, AuditCode.PUBLISH, articleId, record.latestRevision(), ArticleWorkflow.optionalComment(comment));
        events.publishEvent(new ArticleWentLive(articleId, actor));
    }
}
