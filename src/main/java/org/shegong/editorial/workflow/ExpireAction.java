package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes a live article down when its expire_at has come; done by the scheduler as the system actor. */
@Component
public class ExpireAction {

    private final ArticleWorkflow workflow;

    public ExpireAction(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public void expire(Actor actor, long articleId) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.EXPIRE, record);
        if (record.expireAt() == null || record.expireAt().isAfter(workflow.now())) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION, "尚未到下线时间");
        }
        workflow.takeDown(record, actor, "到达下线时间");
        workflow.audit(actor, AuditCode.EXPIRE, articleId, record.liveRevision(), "到达下线时间，自动下线");
    }
}
