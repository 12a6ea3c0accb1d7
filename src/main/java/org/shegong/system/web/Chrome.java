package org.shegong.system.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shegong.system.FooterProperties;

/**
 * What every public page shows around its content: the site's name, the column navigation, the footer.
 *
 * @param newsletter whether the footer offers the mail subscription (only when a mail server is configured)
 * @param footer     the footer's 承办 and 备案 lines
 * @param display    the reader's 关怀模式 and text size
 * @param path       this page's path, for the display links to come back to
 */
public record Chrome(String siteName, String owner, String baseUrl, List<NavItem> navigation, String activeSlug,
                     boolean newsletter, FooterProperties footer, ReaderDisplay display, String path) {

    public boolean isActive(NavItem column) {
        return column.slug().equals(activeSlug);
    }

    /** The sub-columns of the column with this slug, from the navigation tree. */
    public List<NavItem> childrenOf(String slug) {
        return find(navigation, slug);
    }

    /** The address that switches the display to {@code choice} and comes back to this page. */
    public String displayUrl(ReaderDisplay choice) {
        return SiteUrls.DISPLAY + "?mode=" + choice.cookieValue() + "&back="
                + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static List<NavItem> find(List<NavItem> items, String slug) {
        for (NavItem item : items) {
            if (item.slug().equals(slug)) {
                return item.children();
            }
            List<NavItem> deeper = find(item.children(), slug);
            if (!deeper.isEmpty()) {
                return deeper;
            }
        }
        return List.of();
    }
}
