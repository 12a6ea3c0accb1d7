package org.shegong.admin.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.search.WorkingCopies;
import org.shegong.search.WorkingCopy;
import org.springframework.stereotype.Component;

/**
 * The editors' working copies for the search index (ADR 0015). An article off the site is its own working copy:
 * its row follows the newest revision ({@link SaveRevisionAction}). A live article has one only while a newer
 * revision than the live one exists; that revision is the copy, and the live text comes along so editors find
 * the article by either.
 */
@Component
public class EditorialCopies implements WorkingCopies {

    private final WorkflowRepository workflows;
    private final RevisionRepository revisions;
    private final ArticleService articles;

    public EditorialCopies(WorkflowRepository workflows, RevisionRepository revisions, ArticleService articles) {
        this.workflows = workflows;
        this.revisions = revisions;
        this.articles = articles;
    }

    @Override
    public Optional<WorkingCopy> of(Article article) {
        return copy(article, workflows.find(article.id()).orElse(null));
    }

    /** Drafts and withdrawn articles, then live articles with a pending revision. */
    @Override
    public void forEach(int batch, Consumer<List<WorkingCopy>> sink) {
        articles.forEachNotLive(batch, page -> {
            Map<Long, WorkflowRecord> records = workflows.findAll(page.stream().map(Article::id).toList());
            sink.accept(page.stream().map(a -> copy(a, records.get(a.id()))).flatMap(Optional::stream).toList());
        });
        long after = 0;
        while (true) {
            List<Long> ids = workflows.pendingLive(after, batch);
            if (ids.isEmpty()) {
                return;
            }
            List<WorkingCopy> page = ids.stream().map(articles::find).flatMap(Optional::stream).map(this::of)
                    .flatMap(Optional::stream).toList();
            if (!page.isEmpty()) {
                sink.accept(page);
            }
            after = ids.get(ids.size() - 1);
        }
    }

    @Override
    public long count() {
        return articles.countNotLive() + workflows.countPendingLive();
    }

    private Optional<WorkingCopy> copy(Article article, WorkflowRecord record) {
        if (!article.isLive()) {
            return Optional.of(new WorkingCopy(article, stages(article, record), null));
        }
        if (record == null || !record.hasPendingChange()) {
            return Optional.empty();
        }
        Optional<Revision> newest = revisions.find(article.id(), record.latestRevision());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        RevisionContent content = newest.get().content();
        Article pending = content.toArticle(article.id(), article.status(),
                content.publishedAt() != null ? content.publishedAt() : article.publishedAt(), record.updatedAt());
        return Optional.of(new WorkingCopy(pending, stages(article, record), article));
    }

    /**
     * What the back office's status filter matches, as the article list does: the workflow state (mirrored from
     * the public status for an article the workflow has not touched), and LIVE or WITHDRAWN from the public status.
     */
    static Set<String> stages(Article article, WorkflowRecord record) {
        Set<String> stages = new HashSet<>();
        stages.add(record != null ? record.state().name() : article.status().name());
        if (article.status() != ArticleStatus.DRAFT) {
            stages.add(article.status().name());
        }
        return stages;
    }
}
