package org.shegong.site;

import java.util.List;
import java.util.Map;
import org.shegong.system.FooterProperties;
import org.shegong.column.Column;

/**
 * What every public page shows around its content: the site's name, the column navigation, the footer.
 *
 * @param subColumns visible sub-columns by parent id
 * @param footer     the footer's 承办 and 备案 lines
 * @param display    the reader's 关怀模式 and text size
 * @param path       this page's path, for the display links to come back to
 * @param newsletter whether the footer offers the mail subscription (only when a mail server is configured)
 */
public record Chrome(String siteName, String owner, String baseUrl, List<Column> navigation, String activeSlug,
                     boolean newsletter, Map<Long, List<Column>> subColumns, FooterProperties footer,
                     ReaderDisplay display, String path) {

    /** The address that switches the display to {@code choice} and comes back to this page. */
    public String displayUrl(ReaderDisplay choice) {
        return DisplayController.PATH + "?mode=" + choice.cookieValue() + "&back="
                + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A column's visible sub-columns in their order, for the navigation and the column page. */
    public List<Column> children(Column column) {
        return subColumns.getOrDefault(column.id(), List.of());
    }

    public boolean isActive(Column column) {
        return column.slug().equals(activeSlug);
    }
}
