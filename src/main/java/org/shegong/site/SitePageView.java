package org.shegong.site;

import org.shegong.sitepage.SitePage;
import org.shegong.system.web.Chrome;

public record SitePageView(Chrome chrome, SitePage page, String canonicalUrl) {
}
