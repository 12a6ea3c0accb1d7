package org.shegong.search;

import java.util.Set;
import org.shegong.content.Article;

/**
 * The text editors work on when it is not what readers see: a draft, a withdrawn article, or the newer revision
 * of a live article (ADR 0015). Only the back office's search finds it.
 *
 * @param article  the working text as an article (id, title, summary, body, columns, kind, dates)
 * @param stages   the editorial stages the back office may filter by (workflow state names such as DRAFT,
 *                 IN_REVIEW; LIVE and WITHDRAWN also when the article is on, or taken off, the public site)
 * @param published the article as readers see it (an older text) when it is live; null otherwise
 */
public record WorkingCopy(Article article, Set<String> stages, Article published) {

    public WorkingCopy {
        stages = Set.copyOf(stages);
    }
}
