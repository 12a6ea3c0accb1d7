package org.shegong.site;

import java.util.List;
import org.shegong.column.Column;

/** What every public page shows around its content: the site's name, the column navigation, the footer. */
public record Chrome(String siteName, String owner, String baseUrl, List<Column> navigation, String activeSlug) {

    public boolean isActive(Column column) {
        return column.slug().equals(activeSlug);
    }
}
