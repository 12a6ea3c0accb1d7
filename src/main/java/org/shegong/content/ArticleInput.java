package org.shegong.content;

import java.time.Instant;
import java.util.List;
import org.shegong.system.ControlCharacters;

/**
 * Everything needed to create or replace an article, as an importer or an editor supplies it.
 * {@code bodyHtml} is already normalised and sanitised (see {@link BodyHtml}). Every text loses the control
 * characters no page, feed or sitemap may carry ({@link ControlCharacters}): imports and editors' saves both
 * pass here.
 */
public record ArticleInput(String externalId, String title, String subtitle, String summary, String bodyHtml,
                           String source, String author, String editor, Kind kind, boolean featured,
                           List<Long> columnIds, List<String> tags, String region, Instant publishedAt,
                           ArticleStatus status) {

    public ArticleInput {
        title = ControlCharacters.clean(title);
        subtitle = ControlCharacters.clean(subtitle);
        summary = ControlCharacters.clean(summary);
        bodyHtml = ControlCharacters.clean(bodyHtml);
        source = ControlCharacters.clean(source);
        author = ControlCharacters.clean(author);
        editor = ControlCharacters.clean(editor);
        region = ControlCharacters.clean(region);
        tags = tags == null ? List.of() : tags.stream().map(ControlCharacters::clean).toList();
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
