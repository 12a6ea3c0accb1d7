package org.shegong.content;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to create or replace an article, as an importer or an editor supplies it.
 * {@code bodyHtml} is already normalised and sanitised (see {@link BodyHtml}).
 */
public record ArticleInput(String externalId, String title, String subtitle, String summary, String bodyHtml,
                           String source, String author, String editor, Kind kind, boolean featured,
                           List<Long> columnIds, List<String> tags, String region, Instant publishedAt,
                           ArticleStatus status) {

    public ArticleInput {
        columnIds = List.copyOf(columnIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (columnIds.isEmpty()) {
            throw new IllegalArgumentException("an article needs at least one column");
        }
    }

    public long primaryColumnId() {
        return columnIds.get(0);
    }
}
