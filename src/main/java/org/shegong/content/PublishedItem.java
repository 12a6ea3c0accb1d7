package org.shegong.content;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A live article as feeds and sitemaps describe it: list columns and its last change, never its body.
 */
public record PublishedItem(long id, String title, String listSummary, String source, String author,
                            Instant publishedAt, Instant updatedAt, Kind kind, long primaryColumnId,
                            String listImage, LocalDate noticeStart, LocalDate noticeEnd) {

    public PublishedItem(long id, String title, String listSummary, String source, String author,
                         Instant publishedAt, Instant updatedAt, Kind kind, long primaryColumnId) {
        this(id, title, listSummary, source, author, publishedAt, updatedAt, kind, primaryColumnId, null, null, null);
    }

    public NoticeState noticeState(LocalDate today) {
        return NoticeState.of(noticeStart, noticeEnd, today);
    }
}
