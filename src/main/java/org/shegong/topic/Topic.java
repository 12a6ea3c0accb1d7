package org.shegong.topic;

import java.time.Instant;

/** A 专题: a page with a banner, an introduction, curated items and items found by a tag or a keyword. */
public record Topic(long id, String slug, String title, String bannerUrl, String introduction, String queryTag,
                    String queryKeyword, boolean visible, Instant updatedAt) {
}
