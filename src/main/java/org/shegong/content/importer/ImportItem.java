package org.shegong.content.importer;

import java.time.Instant;
import java.util.List;

/** One article as read from an import file, before it is checked against the site's columns. */
record ImportItem(int line, String externalId, List<String> columns, String title, String subtitle, String summary,
                  String body, Instant publishedAt, boolean keepStoredPublishedAt, String source, String author,
                  String editor, List<String> tags, String kind, boolean featured, String region) {
}
