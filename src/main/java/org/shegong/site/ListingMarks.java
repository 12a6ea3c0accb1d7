package org.shegong.site;

import java.time.Clock;
import java.time.LocalDate;
import org.shegong.content.ArticleListItem;
import org.shegong.content.NoticeState;
import org.shegong.media.PublicMedia;
import org.shegong.system.Times;
import org.springframework.stereotype.Component;

/**
 * What a listing line shows beside the title: a thumbnail where the item has a picture (the 320-pixel copy of an
 * uploaded image) and a 公示's badge (公示中 / 已结束) for the day the page is rendered. The page cache keeps a page at
 * most its time to live (60 s by default), so a badge turns at most that long after midnight.
 */
@Component
public class ListingMarks {

    private final PublicMedia media;
    private final Clock clock;

    ListingMarks(PublicMedia media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    /** The address of the item's thumbnail, null without a picture. */
    public String thumbnail(ArticleListItem item) {
        return item.listImage() == null ? null : media.thumbnail(item.listImage());
    }

    /** The 公示 badge, null for items without a period. */
    public NoticeState badge(ArticleListItem item) {
        return item.noticeState(today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Times.CHINA));
    }
}
