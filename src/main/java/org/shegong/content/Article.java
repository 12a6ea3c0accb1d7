package org.shegong.content;

import java.time.Instant;
import java.util.List;

/** An article as its own page shows it. */
public record Article(long id, String externalId, String title, String subtitle, String summary,
                      String listSummary, String source, String author, String editor, Kind kind,
                      ArticleStatus status, boolean featured, long primaryColumnId, String region,
                      Instant publishedAt, Instant updatedAt, long viewCount, String bodyHtml,
                      List<Long> columnIds, List<String> tags, KindFields fields) {

    public Article {
        fields = fields == null ? KindFields.NONE : fields;
    }

    /** An article without item-type fields (most tests and older callers). */
    public Article(long id, String externalId, String title, String subtitle, String summary, String listSummary,
                   String source, String author, String editor, Kind kind, ArticleStatus status, boolean featured,
                   long primaryColumnId, String region, Instant publishedAt, Instant updatedAt, long viewCount,
                   String bodyHtml, List<Long> columnIds, List<String> tags) {
        this(id, externalId, title, subtitle, summary, listSummary, source, author, editor, kind, status, featured,
                primaryColumnId, region, publishedAt, updatedAt, viewCount, bodyHtml, columnIds, tags,
                KindFields.NONE);
    }

    public boolean isLive() {
        return status == ArticleStatus.LIVE;
    }
}
