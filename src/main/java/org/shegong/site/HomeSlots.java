package org.shegong.site;

import java.time.Instant;
import java.util.List;

/**
 * The home page's editorial slots (头条, 图片新闻, 推荐阅读). Implemented by the topic feature, which sits above the
 * site; the home page asks through this interface. Each list is never empty while the site has live articles: an
 * empty slot falls back to the newest items.
 */
public interface HomeSlots {

    Content content();

    /** One item of a slot; imageUrl is set for 图片新闻 chosen by an editor, null for fallbacks. */
    record Item(long id, String title, String summary, String imageUrl, String caption, Instant publishedAt) {

        public String alt() {
            return caption != null ? caption : title;
        }
    }

    record Content(List<Item> headlines, List<Item> photos, List<Item> recommended) {
    }
}
