package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Restoring an old revision saves its content again as the newest revision; history is never rewritten. */
@Component
public class RestoreRevisionAction {

    private final ArticleWorkflow workflow;
    private final SaveRevisionAction save;

    public RestoreRevisionAction(ArticleWorkflow workflow, SaveRevisionAction save) {
        this.workflow = workflow;
        this.save = save;
    }

    @Transactional
    public int restore(Actor actor, long articleId, int number, int baseRevision) {
        RevisionContent content = workflow.content(articleId, number);
        return save.save(actor, articleId, baseRevision, content, "恢复自第 " + number + " 版", AuditCode.RESTORE);
    }
}
