package org.shegong.editorial.workflow;

import org.shegong.system.audit.AuditCode;
import org.shegong.account.Actor;

import java.util.List;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving is always a new revision. The editor names the revision the edit started from; if the article has
 * moved on since, the save is refused as a conflict and nothing is written. An article that is on the site
 * keeps showing its live revision: only a later publish copies the new one to the public tables.
 */
@Component
public class SaveRevisionAction {

    private final ArticleWorkflow workflow;
    private final RevisionRepository revisions;
    private final WorkflowRepository workflows;
    private final ArticleService articles;

    public SaveRevisionAction(ArticleWorkflow workflow, RevisionRepository revisions, WorkflowRepository workflows,
                              ArticleService articles) {
        this.workflow = workflow;
        this.revisions = revisions;
        this.workflows = workflows;
        this.articles = articles;
    }

    /** A new article: stored as a draft owned by the actor, with revision 1. Returns its id. */
    @Transactional
    public long create(Actor actor, RevisionContent content) {
        requireColumns(actor, content.columnIds());
        long id = articles.createDraft(content.toInput(ArticleStatus.DRAFT, content.publishedAt()));
        revisions.insert(new Revision(id, 1, 0, content, actor.userId(), actor.name(), workflow.now(), false));
        workflows.insert(WorkflowRecord.newDraft(id, actor.userId(), content.primaryColumnId(), workflow.now()),
                actor.userId());
        workflow.changed(id);
        workflow.audit(actor, AuditCode.CREATE, id, 1, null);
        return id;
    }

    /** Saves a new revision on top of {@code baseRevision}; returns its number. */
    @Transactional
    public int save(Actor actor, long articleId, int baseRevision, RevisionContent content, String note) {
        return save(actor, articleId, baseRevision, content, note, AuditCode.SAVE);
    }

    /**
     * The editor's periodic save: a revision like any other, flagged as autosave. Only drafts (and withdrawn
     * articles) are autosaved, states a save does not change; an article in review, approved or scheduled is what
     * its reviewers approve, and an automatic save must not send it back to draft.
     */
    @Transactional
    public int autosave(Actor actor, long articleId, int baseRevision, RevisionContent content) {
        WorkflowRecord record = workflow.visible(actor, articleId);
        if (record.state() != WorkflowState.DRAFT && record.state() != WorkflowState.WITHDRAWN) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION,
                    "稿件在审核或发布流程中，不自动保存；如需修改请手动保存");
        }
        return save(actor, record, baseRevision, content, null, AuditCode.AUTOSAVE, true);
    }

    int save(Actor actor, long articleId, int baseRevision, RevisionContent content, String note, AuditCode auditAction) {
        return save(actor, workflow.load(articleId), baseRevision, content, note, auditAction, false);
    }

    private int save(Actor actor, WorkflowRecord record, int baseRevision, RevisionContent content, String note,
                     AuditCode auditAction, boolean autosave) {
        long articleId = record.articleId();
        // In review, a reviewer who may pass the current level corrects the text; the review stays at its level.
        boolean inReview = record.state() == WorkflowState.IN_REVIEW;
        workflow.check(actor, inReview ? WorkflowAction.REVISE : WorkflowAction.EDIT, record);
        if (inReview && content.primaryColumnId() != record.columnId()) {
            throw new EditorialException(EditorialException.Kind.INVALID, "审核中不能更换主栏目，请退回后再改");
        }
        requireColumns(actor, content.columnIds());
        if (record.latestRevision() != baseRevision) {
            throw conflict(articleId, record.latestRevision(), content);
        }
        int number = record.latestRevision() + 1;
        WorkflowRecord next = inReview ? record.correctedInReview(number, record.columnId(), workflow.now())
                : record.saved(number, actor.userId(), content.primaryColumnId(), workflow.now());
        if (!workflows.compareAndSet(next, record.version(), actor.userId())) {
            throw conflict(articleId, workflows.find(articleId).orElseThrow().latestRevision(), content);
        }
        revisions.insert(new Revision(articleId, number, baseRevision, content, actor.userId(), actor.name(),
                workflow.now(), autosave));
        if (!record.live()) {
            // Not on the site: the article row may follow the draft, so lists show the current title.
            ArticleStatus status = articles.find(articleId).map(Article::status).orElse(ArticleStatus.DRAFT);
            articles.replace(articleId, content.toInput(status, content.publishedAt()));
        }
        workflow.changed(articleId);
        workflow.audit(actor, inReview ? AuditCode.REVIEW_EDIT : auditAction, articleId, number,
                ArticleWorkflow.optionalComment(note));
        return number;
    }

    private EditConflictException conflict(long articleId, int latest, RevisionContent mine) {
        return new EditConflictException(latest == 0 ? null : revisions.find(articleId, latest).orElse(null), mine);
    }

    private void requireColumns(Actor actor, List<Long> columnIds) {
        for (Long columnId : columnIds) {
            if (!Permissions.mayCreate(actor, columnId)) {
                throw new EditorialException(EditorialException.Kind.FORBIDDEN, "您没有在所选栏目中撰写稿件的权限");
            }
        }
    }
}
