package org.shegong.content;

import java.time.Instant;

/**
 * A live article as feeds and sitemaps describe it: list columns and its last change, never its body.
 */
public record PublishedItem(long id, String title, String listSummary, String source, String author,
                            Instant publishedAt, Instant updatedAt, Kind kind, long primaryColumnId) {
}
