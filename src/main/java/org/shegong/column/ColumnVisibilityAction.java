package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Shows or hides a column on the public site: checked, written and audited together. */
@Component
class ColumnVisibilityAction {

    private final ColumnAdminService columns;
    private final ColumnAuditTrail trail;

    ColumnVisibilityAction(ColumnAdminService columns, ColumnAuditTrail trail) {
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void setVisible(Actor actor, long id, boolean visible) {
        Authorization.require(actor, Permission.COLUMNS);
        String name = trail.name(id);
        columns.setVisible(id, visible);
        trail.record(actor, AuditCode.COLUMN_VISIBILITY, id, "“" + name + "”" + (visible ? "显示" : "隐藏"));
    }
}
