package org.shegong.editorial.workflow;

import java.time.Instant;
import java.util.List;
import org.shegong.content.Article;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleStatus;
import org.shegong.content.BodyHtml;
import org.shegong.content.Kind;
import org.shegong.content.KindFields;
import org.shegong.content.SummaryDeriver;

/** The fields of an article an editor writes: what one revision holds. The body is already sanitised. */
public record RevisionContent(String title, String subtitle, String summary, String bodyHtml, String source,
                              String author, String editor, Kind kind, boolean featured, List<Long> columnIds,
                              List<String> tags, String region, Instant publishedAt, KindFields fields) {

    /** Content without item-type fields. */
    public RevisionContent(String title, String subtitle, String summary, String bodyHtml, String source,
                           String author, String editor, Kind kind, boolean featured, List<Long> columnIds,
                           List<String> tags, String region, Instant publishedAt) {
        this(title, subtitle, summary, bodyHtml, source, author, editor, kind, featured, columnIds, tags, region,
                publishedAt, KindFields.NONE);
    }

    public RevisionContent {
        fields = fields == null ? KindFields.NONE : fields;
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
                columnIds, tags, region, publishedAt, status, fields);
    }

    /** This content as an article with the given id, status and times: what a preview or the editors' search shows. */
    public Article toArticle(long id, ArticleStatus status, Instant publishedAt, Instant updatedAt) {
        String listSummary = SummaryDeriver.listSummary(summary, BodyHtml.plainText(bodyHtml), title);
        return new Article(id, null, title, subtitle, summary, listSummary, source, author, editor, kind, status,
                featured, primaryColumnId(), region, publishedAt, updatedAt, 0, bodyHtml, columnIds, tags, fields);
    }

    /** What an article stored before the workflow existed (an import) holds, as revision content. */
    public static RevisionContent of(Article article) {
        return new RevisionContent(article.title(), article.subtitle(), article.summary(), article.bodyHtml(),
                article.source(), article.author(), article.editor(), article.kind(), article.featured(),
                article.columnIds().isEmpty() ? List.of(article.primaryColumnId()) : article.columnIds(),
                article.tags(), article.region(), article.publishedAt(), article.fields());
    }
}
