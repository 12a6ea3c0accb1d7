package org.shegong.site;

import java.util.List;
import org.shegong.column.Column;

/**
 * What every public page shows around its content: the site's name, the column navigation, the footer.
 *
 * @param newsletter whether the footer offers the mail subscription (only when a mail server is configured)
 */
public record Chrome(String siteName, String owner, String baseUrl, List<Column> navigation, String activeSlug,
                     boolean newsletter) {

    public boolean isActive(Column column) {
        return column.slug().equals(activeSlug);
    }
}
