package org.shegong.content;

import java.time.Instant;

/** What a listing shows of an article: never its body. */
public record ArticleListItem(long id, String title, String listSummary, Instant publishedAt, Kind kind,
                              long primaryColumnId) {
}
