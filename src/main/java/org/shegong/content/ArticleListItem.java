package org.shegong.content;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a listing shows of an article: never its body. {@code listImage} is the picture shown small (a root-relative
 * media path, null without one); the notice period gives a 公示 its badge.
 */
public record ArticleListItem(long id, String title, String listSummary, Instant publishedAt, Kind kind,
                              long primaryColumnId, String listImage, LocalDate noticeStart, LocalDate noticeEnd) {

    public ArticleListItem(long id, String title, String listSummary, Instant publishedAt, Kind kind,
                           long primaryColumnId) {
        this(id, title, listSummary, publishedAt, kind, primaryColumnId, null, null, null);
    }

    /** The 公示 badge on a day, null when the item has no period. */
    public NoticeState noticeState(LocalDate today) {
        return NoticeState.of(noticeStart, noticeEnd, today);
    }
}
