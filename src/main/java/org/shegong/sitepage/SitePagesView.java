package org.shegong.sitepage;

import java.util.List;
import org.shegong.account.AdminChrome;

/** The back office's list of single pages. */
public record SitePagesView(AdminChrome chrome, List<SitePage> pages, String notice) {
}
