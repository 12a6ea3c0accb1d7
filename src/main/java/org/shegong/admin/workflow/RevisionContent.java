package org.shegong.admin.workflow;

import java.time.Instant;
import java.util.List;
import org.shegong.content.Article;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;

/** The fields of an article an editor writes: what one revision holds. The body is already sanitised. */
public record RevisionContent(String title, String subtitle, String summary, String bodyHtml, String source,
                              String author, String editor, Kind kind, boolean featured, List<Long> columnIds,
                              List<String> tags, String region, Instant publishedAt) {

    public RevisionContent {
        columnIds = List.copyOf(columnIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (columnIds.isEmpty()) {
            throw new EditorialException(EditorialException.Kind.INVALID, "请至少选择一个栏目");
        }
        if (title == null || title.isBlank()) {
            throw new EditorialException(EditorialException.Kind.INVALID, "请填写标题");
        }
    }

    public long primaryColumnId() {
        return columnIds.get(0);
    }

    public ArticleInput toInput(ArticleStatus status, Instant publishedAt) {
        return new ArticleInput(null, title, subtitle, summary, bodyHtml, source, author, editor, kind, featured,
                columnIds, tags, region, publishedAt, status);
    }

    /** What an article stored before the workflow existed (an import) holds, as revision content. */
    public static RevisionContent of(Article article) {
        return new RevisionContent(article.title(), article.subtitle(), article.summary(), article.bodyHtml(),
                article.source(), article.author(), article.editor(), article.kind(), article.featured(),
                article.columnIds().isEmpty() ? List.of(article.primaryColumnId()) : article.columnIds(),
                article.tags(), article.region(), article.publishedAt());
    }
}
