package org.shegong.sitepage;

import java.time.Instant;

/** A single page of the site (关于我们, 联系我们 …): its address /page/{slug}, title and sanitised body. */
public record SitePage(long id, String slug, String title, String bodyHtml, Instant updatedAt, String updatedBy) {
}
