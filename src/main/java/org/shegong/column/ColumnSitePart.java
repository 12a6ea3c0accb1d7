package org.shegong.column;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** The column tree and each column's review levels in the site archive (docs/adr/0052). */
@Component
class ColumnSitePart extends DeclaredPart {

    ColumnSitePart() {
        super("column", 10,
                // A column's parent may be a column created after it: parents are set once every column is in.
                ExportTable.withId("column_node").deferring("parent_id")
                        .seededWhere("slug IN ('news', 'policy', 'research', 'federation', 'notices', 'weekly')"),
                ExportTable.keyedBy("column_review_levels", "column_id"));
    }
}
