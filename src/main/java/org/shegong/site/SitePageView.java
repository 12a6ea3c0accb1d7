package org.shegong.site;

import org.shegong.sitepage.SitePage;

public record SitePageView(Chrome chrome, SitePage page, String canonicalUrl) {
}
