package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds a column: checked, written (with its column.changed event) and audited in one transaction. */
@Component
class AddColumnAction {

    private final ColumnAdminService columns;
    private final ColumnAuditTrail trail;

    AddColumnAction(ColumnAdminService columns, ColumnAuditTrail trail) {
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    long add(Actor actor, Long parentId, String slug, String name, String description) {
        Authorization.require(actor, Permission.COLUMNS);
        long id = columns.add(parentId, slug, name, description);
        trail.record(actor, AuditCode.COLUMN_ADD, id, "“" + name.strip() + "”（" + slug.strip() + "）");
        return id;
    }
}
