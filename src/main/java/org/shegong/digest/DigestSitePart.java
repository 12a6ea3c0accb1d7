package org.shegong.digest;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Weekly digests and their edited entries in the site archive (docs/adr/0052). */
@Component
class DigestSitePart extends DeclaredPart {

    DigestSitePart() {
        super("digest", 60,
                ExportTable.withId("digest"),
                ExportTable.keyedBy("digest_entry", "digest_id", "sort_order"));
    }
}
