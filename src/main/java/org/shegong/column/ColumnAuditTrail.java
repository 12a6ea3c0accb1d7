package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;

/** How the column actions name a column and word their audit entries ("栏目 #id …"), in one place. */
@Component
class ColumnAuditTrail {

    private final ColumnAdminService columns;
    private final AuditLog audit;

    ColumnAuditTrail(ColumnAdminService columns, AuditLog audit) {
        this.columns = columns;
        this.audit = audit;
    }

    /** The column's name as stored now; a missing column is refused with 404. */
    String name(long id) {
        return columns.current().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(ColumnChangeException::missing).name();
    }

    void record(Actor actor, AuditCode code, long columnId, String comment) {
        audit.append(actor, code, null, null, "栏目 #" + columnId + " " + comment);
    }
}
