package org.shegong.content.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.shegong.content.ArticleStatus;

/**
 * One article as read from an import file, before it is checked against the site's columns. {@code fields} are
 * the item-type fields by their import names (cover, notice_start, transcript, doc_number, …), as given: a file
 * field may still be a path relative to the import file. {@code status} is LIVE for the JSON Lines and listing
 * formats; a WordPress draft arrives as DRAFT.
 */
record ImportItem(int line, String externalId, List<String> columns, String title, String subtitle, String summary,
                  String body, Instant publishedAt, boolean keepStoredPublishedAt, String source, String author,
                  String editor, List<String> tags, String kind, boolean featured, String region,
                  Map<String, String> fields, ArticleStatus status) {

    ImportItem {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        status = status == null ? ArticleStatus.LIVE : status;
    }

    ImportItem(int line, String externalId, List<String> columns, String title, String subtitle, String summary,
               String body, Instant publishedAt, boolean keepStoredPublishedAt, String source, String author,
               String editor, List<String> tags, String kind, boolean featured, String region,
               Map<String, String> fields) {
        this(line, externalId, columns, title, subtitle, summary, body, publishedAt, keepStoredPublishedAt, source,
                author, editor, tags, kind, featured, region, fields, ArticleStatus.LIVE);
    }

    ImportItem(int line, String externalId, List<String> columns, String title, String subtitle, String summary,
               String body, Instant publishedAt, boolean keepStoredPublishedAt, String source, String author,
               String editor, List<String> tags, String kind, boolean featured, String region) {
        this(line, externalId, columns, title, subtitle, summary, body, publishedAt, keepStoredPublishedAt, source,
                author, editor, tags, kind, featured, region, Map.of());
    }
}
