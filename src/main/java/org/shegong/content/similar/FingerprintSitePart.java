package org.shegong.content.similar;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Near-duplicate fingerprints: derived, but nothing rebuilds them for existing articles, so they travel (ADR 0052). */
@Component
class FingerprintSitePart extends DeclaredPart {

    FingerprintSitePart() {
        super("fingerprints", 35,
                ExportTable.keyedBy("article_fingerprint", "article_id"),
                ExportTable.keyedBy("fingerprint_band", "band_key", "article_id"));
    }
}
