package org.shegong.sitepage;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Single pages (关于我们, 联系我们, 开放数据 …) in the site archive (docs/adr/0052). */
@Component
class SitePageSitePart extends DeclaredPart {

    SitePageSitePart() {
        super("site-pages", 60,
                // The pages the migrations create, until an administrator edits them, do not make a database non-empty.
                ExportTable.withId("site_page")
                        .seededWhere("slug IN ('about', 'contact', 'open-data') AND updated_by IS NULL"));
    }
}
