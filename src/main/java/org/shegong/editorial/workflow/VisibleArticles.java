package org.shegong.editorial.workflow;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.content.ArticleFilter;
import org.springframework.stereotype.Component;

/**
 * Turns the policy's article scope into a list filter: the columns someone sees plus their own articles.
 * The list, the editors' search and the dashboard all narrow by it, so they show what the editor may open.
 */
@Component
public class VisibleArticles {

    /** A contributor's own articles are few; past this many the oldest drop out of their lists (not their reach). */
    static final int OWN_LIMIT = 5000;

    private final WorkflowRepository workflows;

    public VisibleArticles(WorkflowRepository workflows) {
        this.workflows = workflows;
    }

    /** Null when the actor sees every article. */
    public ArticleFilter.Within of(Actor actor) {
        Authorization.ArticleScope scope = Authorization.articleScope(actor);
        if (scope.all()) {
            return null;
        }
        return new ArticleFilter.Within(scope.columns(),
                scope.ownerId() == null ? java.util.List.of() : workflows.idsOwnedBy(scope.ownerId(), OWN_LIMIT));
    }

    /** May the actor see this row's article (judged by its primary column and owner, as queues are)? */
    public boolean shows(Actor actor, WorkflowRecord record) {
        return Authorization.maySeeArticle(actor, record.ownerId(), java.util.List.of(record.columnId()));
    }
}
