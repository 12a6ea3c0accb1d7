package org.shegong.system.web;

import java.util.List;

/** What every public page shows around its content: the site's name, the column navigation, the footer. */
public record Chrome(String siteName, String owner, String baseUrl, List<NavItem> navigation, String activeSlug) {

    public boolean isActive(NavItem column) {
        return column.slug().equals(activeSlug);
    }
}
