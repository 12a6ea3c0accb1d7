package org.shegong.content;

import java.time.Instant;

/** One line of the back office's article list: list columns only, never the body. */
public record ArticleRow(long id, String title, Kind kind, ArticleStatus status, long primaryColumnId, String author,
                         Instant publishedAt, Instant updatedAt) {

    public ArticleFilter.Cursor cursor() {
        return new ArticleFilter.Cursor(updatedAt, id);
    }
}
