package org.shegong.system.audit;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** The audit log in the site archive: a site's history travels with it (docs/adr/0052). */
@Component
class AuditSitePart extends DeclaredPart {

    AuditSitePart() {
        super("audit", 55, ExportTable.withId("audit_log"));
    }
}
