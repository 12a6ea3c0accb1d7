package org.shegong.region;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Articles' region tags (the editors' choices among them) and region listings in the site archive (ADR 0052). */
@Component
class RegionSitePart extends DeclaredPart {

    RegionSitePart() {
        super("region", 60,
                ExportTable.keyedBy("article_region", "article_id", "region_code"),
                ExportTable.keyedBy("region_listing", "region_code", "published_at", "article_id"));
    }
}
