package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves a column under another parent (or to the top level): checked, written and audited together. */
@Component
class MoveColumnAction {

    private final ColumnAdminService columns;
    private final ColumnAuditTrail trail;

    MoveColumnAction(ColumnAdminService columns, ColumnAuditTrail trail) {
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void move(Actor actor, long id, Long parentId) {
        Authorization.require(actor, Permission.COLUMNS);
        String name = trail.name(id);
        String to = parentId == null ? "顶级" : "“" + trail.name(parentId) + "”之下";
        columns.move(id, parentId);
        trail.record(actor, AuditCode.COLUMN_MOVE, id, "“" + name + "”移到" + to);
    }
}
