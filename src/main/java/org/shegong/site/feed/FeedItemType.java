package org.shegong.site.feed;

import org.shegong.content.Kind;
import org.shegong.content.PublishedItem;
import org.shegong.system.web.SiteUrls;

/**
 * What feeds say of an item's type (ADR 0043): its kind as a category (公示公告, 一图读懂, 政策文件…), a 公示's
 * period before the summary (a reader's feed keeps the item after the period ends, so the dates, not a badge),
 * and its picture. Stored picture paths are root-relative; feeds make them absolute.
 */
final class FeedItemType {

    private FeedItemType() {
    }

    static String category(PublishedItem item) {
        return item.kind() == Kind.NEWS ? null : item.kind().label();
    }

    static String period(PublishedItem item) {
        if (item.kind() != Kind.NOTICE || (item.noticeStart() == null && item.noticeEnd() == null)) {
            return "";
        }
        return "【公示期：" + (item.noticeStart() == null ? "" : item.noticeStart().toString()) + " 至 "
                + (item.noticeEnd() == null ? "" : item.noticeEnd().toString()) + "】";
    }

    /** The picture as HTML for an RSS description; its address is one of ours, checked when it was saved. */
    static String imageHtml(PublishedItem item, String baseUrl) {
        if (item.listImage() == null) {
            return "";
        }
        return "<p><a href=\"" + baseUrl + SiteUrls.article(item.id()) + "\"><img src=\"" + baseUrl + item.listImage()
                + "\" alt=\"\"></a></p>";
    }

    static String imageType(PublishedItem item) {
        String url = item.listImage();
        return url.endsWith(".png") ? "image/png" : url.endsWith(".gif") ? "image/gif"
                : url.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }
}
