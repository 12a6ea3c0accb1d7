package org.shegong.site.feed;

import java.util.List;
import org.shegong.content.PublishedItem;

/**
 * One feed: the whole site or one column, with absolute links.
 *
 * @param title    the channel title, e.g. "社工中国网 - 行业动态"
 * @param pageUrl  the HTML page the feed follows
 * @param selfUrl  the feed's own address (rel="self")
 * @param items    newest first
 */
record FeedChannel(String title, String description, String pageUrl, String selfUrl, String author,
                   String baseUrl, List<PublishedItem> items, java.util.function.LongFunction<String> columnName) {
}
