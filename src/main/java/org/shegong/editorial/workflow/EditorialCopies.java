package org.shegong.editorial.workflow;

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
 * The editors' working copies for the search index (ADR 0015): every article's newest text unless that is what
 * readers see. Off the site, the article row follows the newest revision ({@link SaveRevisionAction}), except
 * after a publish or withdrawal that left a newer revision behind; then that revision is read. A live article has
 * a copy only while a newer revision than the live one exists, and its live text comes along so editors find the
 * article by either.
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
        // The row was last written by a publish (or withdrawal) while a newer revision existed: read that one.
        boolean rowIsNewest = record == null || record.liveRevision() == null
                || record.latestRevision() == record.liveRevision();
        if (article.isLive() && rowIsNewest) {
            return Optional.empty();
        }
        Article text = rowIsNewest ? article : revisions.find(article.id(), record.latestRevision())
                .map(r -> r.content().toArticle(article.id(), article.status(), r.content().publishedAt() != null
                        ? r.content().publishedAt() : article.publishedAt(), record.updatedAt()))
                .orElse(article);
        return Optional.of(new WorkingCopy(text, stages(article, record), article.isLive() ? article : null));
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
