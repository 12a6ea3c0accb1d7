package org.shegong.editorial.workflow;

import org.shegong.column.ReviewLevels;
import org.shegong.column.ReviewRules;
import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * What every editorial action shares: finding an article's workflow row (creating it for articles that came
 * in by import), refusing illegal or unpermitted actions with a Chinese reason, moving the row with a
 * compare-and-set, writing the audit line, and copying a revision to the public tables.
 */
@Component
public class ArticleWorkflow {

    private final WorkflowRepository workflows;
    private final RevisionRepository revisions;
    private final ReviewLevels reviewLevels;
    private final AuditLog audit;
    private final ArticleService articles;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ArticleWorkflow(WorkflowRepository workflows, RevisionRepository revisions, ReviewLevels reviewLevels,
                           AuditLog audit, ArticleService articles, OutboxWriter outbox, Clock clock) {
        this.workflows = workflows;
        this.revisions = revisions;
        this.reviewLevels = reviewLevels;
        this.audit = audit;
        this.articles = articles;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The article's workflow row; an imported article gets one that mirrors its public status, at revision 0. */
    public WorkflowRecord load(long articleId) {
        Optional<WorkflowRecord> found = workflows.find(articleId);
        if (found.isPresent()) {
            return found.get();
        }
        Article article = articles.find(articleId)
                .orElseThrow(() -> new EditorialException(EditorialException.Kind.NOT_FOUND, "没有找到这篇稿件"));
        WorkflowState state = switch (article.status()) {
            case LIVE -> WorkflowState.LIVE;
            case WITHDRAWN -> WorkflowState.WITHDRAWN;
            case DRAFT -> WorkflowState.DRAFT;
        };
        boolean live = article.status() == ArticleStatus.LIVE;
        WorkflowRecord record = WorkflowRecord.adopted(articleId, state, live, article.primaryColumnId(), now());
        try {
            workflows.insert(record, null);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return workflows.find(articleId).orElseThrow();
        }
        return record;
    }

    /**
     * The article's row, if the actor may see the article; someone else's article answers "not found", as if
     * it did not exist, so ids cannot be probed (ADR 0028).
     */
    public WorkflowRecord visible(Actor actor, long articleId) {
        WorkflowRecord record = load(articleId);
        requireVisible(actor, record);
        return record;
    }

    private void requireVisible(Actor actor, WorkflowRecord record) {
        if (!Authorization.maySeeArticle(actor, record.ownerId(), () -> columnIds(record))) {
            throw new EditorialException(EditorialException.Kind.NOT_FOUND, "没有找到这篇稿件");
        }
    }

    private java.util.List<Long> columnIds(WorkflowRecord record) {
        java.util.List<Long> filed = articles.columnIds(record.articleId());
        return filed.isEmpty() ? java.util.List.of(record.columnId()) : filed;
    }

    public int levels(WorkflowRecord record) {
        return reviewLevels.of(record.columnId());
    }

    public ReviewRules rules(WorkflowRecord record) {
        return reviewLevels.rules(record.columnId());
    }

    /** Refuses the action when the state does not allow it or the actor may not do it. */
    public void check(Actor actor, WorkflowAction action, WorkflowRecord record) {
        requireVisible(actor, record);
        if (!action.allowedFrom(record.state(), record.live())) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION,
                    action.refusal(record.state(), record.live()));
        }
        ReviewRules rules = rules(record);
        if (!Permissions.may(actor, action, record, rules)) {
            if (action == WorkflowAction.REVISE) {
                // Whoever may not correct during review is told what they were told before: no saving in review.
                throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION,
                        WorkflowAction.EDIT.refusal(record.state(), record.live()));
            }
            String separation = action == WorkflowAction.APPROVE || action == WorkflowAction.APPROVE_AND_PUBLISH
                    ? Permissions.separationRefusal(actor, record, rules) : null;
            if (separation != null) {
                throw new EditorialException(EditorialException.Kind.FORBIDDEN, separation);
            }
            throw new EditorialException(EditorialException.Kind.FORBIDDEN, "您没有权限对这篇稿件执行“" + action.label() + "”");
        }
    }

    /** Stores the next state, or refuses when someone else moved the article since it was read. */
    public void move(WorkflowRecord current, WorkflowRecord next, Actor actor) {
        if (!workflows.compareAndSet(next, current.version(), actor.userId())) {
            throw new EditorialException(EditorialException.Kind.ILLEGAL_TRANSITION,
                    "稿件刚刚已被他人处理，请刷新页面后再试");
        }
        changed(next.articleId());
    }

    /**
     * Records, in the action's transaction, that the article's working copy or stage changed, so the editors'
     * search follows through the outbox (ADR 0015).
     */
    public void changed(long articleId) {
        outbox.append(OutboxEvent.EDITORIAL_CHANGED, articleId, null);
    }

    public void audit(Actor actor, AuditCode action, long articleId, Integer revision, String comment) {
        audit.append(actor, action, articleId, revision, comment);
    }

    /** The content of a revision; revision 0 is what the article held before the workflow knew it. */
    public RevisionContent content(long articleId, int number) {
        if (number == 0) {
            return RevisionContent.of(articles.find(articleId).orElseThrow());
        }
        return revisions.find(articleId, number).orElseThrow(
                () -> new EditorialException(EditorialException.Kind.NOT_FOUND, "没有第 " + number + " 版")).content();
    }

    /**
     * Puts the newest revision on the public site (through the content feature, which writes the outbox event).
     * An article keeps its first publication time; a revision may set one explicitly.
     */
    public WorkflowRecord publishLatest(WorkflowRecord record, Actor actor, Instant expireAt) {
        RevisionContent content = content(record.articleId(), record.latestRevision());
        Instant previous = articles.find(record.articleId()).filter(Article::isLive).map(Article::publishedAt)
                .orElse(null);
        Instant publishedAt = content.publishedAt() != null ? content.publishedAt()
                : previous != null ? previous : now();
        articles.replace(record.articleId(), content.toInput(ArticleStatus.LIVE, publishedAt));
        WorkflowRecord next = record.published(expireAt, now());
        move(record, next, actor);
        return next;
    }

    /** Takes the article off the public site; its revisions stay. */
    public void takeDown(WorkflowRecord record, Actor actor, String comment) {
        articles.withdraw(record.articleId());
        WorkflowRecord next = record.withdrawn(comment, now());
        move(record, next, actor);
    }

    static String requireComment(String comment, String what) {
        if (comment == null || comment.isBlank()) {
            throw new EditorialException(EditorialException.Kind.INVALID, "请填写" + what);
        }
        if (comment.length() > 2000) {
            throw new EditorialException(EditorialException.Kind.INVALID, what + "不能超过 2000 字");
        }
        return comment.strip();
    }

    static String optionalComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        return requireComment(comment, "意见");
    }
}
