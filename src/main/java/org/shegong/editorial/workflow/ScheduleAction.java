package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import java.time.Instant;
import org.shegong.system.Times;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Schedules an approved revision to go live at a time (go_live_at), optionally to expire later (expire_at). */
@Component
public class ScheduleAction {

    private final ArticleWorkflow workflow;
    private final SensitiveGate sensitive;

    public ScheduleAction(ArticleWorkflow workflow, SensitiveGate sensitive) {
        this.workflow = workflow;
        this.sensitive = sensitive;
    }

    @Transactional
    public void schedule(Actor actor, long articleId, Instant goLiveAt, Instant expireAt, String comment) {
        schedule(actor, articleId, goLiveAt, expireAt, comment, null);
    }

    /** Schedules; forbidden words are checked now (with a chief editor's override reason when present). */
    @Transactional
    public void schedule(Actor actor, long articleId, Instant goLiveAt, Instant expireAt, String comment,
                         String sensitiveOverride) {
        WorkflowRecord record = workflow.load(articleId);
        workflow.check(actor, WorkflowAction.SCHEDULE, record);
        if (goLiveAt == null || !goLiveAt.isAfter(workflow.now())) {
            throw new EditorialException(EditorialException.Kind.INVALID, "定时发布时间必须晚于当前时间");
        }
        if (expireAt != null && !expireAt.isAfter(goLiveAt)) {
            throw new EditorialException(EditorialException.Kind.INVALID, "下线时间必须晚于发布时间");
        }
        sensitive.check(actor, record, sensitiveOverride);
        String note = ArticleWorkflow.optionalComment(comment);
        workflow.move(record, record.scheduled(goLiveAt, expireAt, note, workflow.now()), actor);
        workflow.audit(actor, AuditCode.SCHEDULE, articleId, record.latestRevision(),
                "定于 " + Times.articleDateTime(goLiveAt) + " 发布" + (note == null ? "" : "：" + note));
    }
}
