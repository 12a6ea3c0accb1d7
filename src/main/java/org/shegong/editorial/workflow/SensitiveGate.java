package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import java.util.List;
import org.shegong.editorial.sensitive.SensitiveHit;
import org.shegong.editorial.sensitive.SensitiveWords;
import org.springframework.stereotype.Component;

/**
 * Publishing (now or scheduled) is blocked while the newest revision contains a forbidden word, unless a chief
 * editor gives a written reason, which goes into the audit log with the words.
 */
@Component
public class SensitiveGate {

    private final SensitiveWords words;
    private final ArticleWorkflow workflow;

    public SensitiveGate(SensitiveWords words, ArticleWorkflow workflow) {
        this.words = words;
        this.workflow = workflow;
    }

    public List<SensitiveHit> hits(WorkflowRecord record) {
        RevisionContent content = workflow.content(record.articleId(), record.latestRevision());
        return words.scan(content.title(), content.subtitle(), content.summary(), content.bodyHtml());
    }

    /** Refuses unless the revision is clean or the actor overrides with a reason (then audited). */
    public void check(Actor actor, WorkflowRecord record, String overrideReason) {
        List<SensitiveHit> hits = hits(record);
        if (hits.isEmpty()) {
            return;
        }
        String found = String.join("、", hits.stream().map(SensitiveHit::word).distinct().toList());
        if (overrideReason == null || overrideReason.isBlank()) {
            throw new EditorialException(EditorialException.Kind.INVALID,
                    "稿件含敏感词：" + found + "。请修改后重新提交；如确需发布，终审须填写强制发布理由");
        }
        String reason = ArticleWorkflow.requireComment(overrideReason, "强制发布理由");
        workflow.audit(actor, AuditCode.SENSITIVE_OVERRIDE, record.articleId(), record.latestRevision(),
                "敏感词：" + found + "；理由：" + reason);
    }

    /** For the audit line of a submit: which words the submitted revision contains, or null. */
    public String describe(WorkflowRecord record) {
        List<SensitiveHit> hits = hits(record);
        return hits.isEmpty() ? null
                : "含敏感词：" + String.join("、", hits.stream().map(SensitiveHit::word).distinct().toList());
    }
}
