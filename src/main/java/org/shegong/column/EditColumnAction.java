package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Renames a column (name, address, description): checked, written and audited in one transaction. */
@Component
class EditColumnAction {

    private final ColumnAdminService columns;
    private final ColumnAuditTrail trail;

    EditColumnAction(ColumnAdminService columns, ColumnAuditTrail trail) {
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void edit(Actor actor, long id, String slug, String name, String description) {
        Authorization.require(actor, Permission.COLUMNS);
        String before = trail.name(id);
        columns.rename(id, slug, name, description);
        trail.record(actor, AuditCode.COLUMN_EDIT, id, "“" + before + "”改为“" + name.strip() + "”（" + slug.strip() + "）");
    }
}
