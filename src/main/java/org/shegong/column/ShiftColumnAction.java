package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves a column one place up or down among its siblings; nothing is audited when it is already at the end. */
@Component
class ShiftColumnAction {

    private final ColumnAdminService columns;
    private final ColumnAuditTrail trail;

    ShiftColumnAction(ColumnAdminService columns, ColumnAuditTrail trail) {
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void shift(Actor actor, long id, boolean up) {
        Authorization.require(actor, Permission.COLUMNS);
        String name = trail.name(id);
        if (columns.shift(id, up)) {
            trail.record(actor, AuditCode.COLUMN_ORDER, id, "“" + name + "”" + (up ? "上移" : "下移"));
        }
    }
}
