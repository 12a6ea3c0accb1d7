package org.shegong.sitepage;

import org.shegong.account.AdminChrome;

/** The form for a new single page ({@code editing} null) or an existing one, with what was typed. */
public record SitePageForm(AdminChrome chrome, SitePage editing, String error, String slug, String title,
                           String body) {
}
