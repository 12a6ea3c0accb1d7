package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Grants a person a role in a column; audited only when the grant is new. One transaction. */
@Component
class GrantColumnRoleAction {

    private final AccountAdministration administration;
    private final GrantableColumns columns;
    private final AccountAuditTrail trail;

    GrantColumnRoleAction(AccountAdministration administration, GrantableColumns columns, AccountAuditTrail trail) {
        this.administration = administration;
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void grant(Actor actor, long userId, long columnId, Role role) {
        Authorization.require(actor, Permission.USERS);
        GrantableColumns.GrantableColumn column = columns.byId(columnId)
                .orElseThrow(() -> new AccountException("没有这个栏目"));
        if (administration.grant(userId, new ColumnGrant(column.id(), role))) {
            trail.record(actor, AuditCode.USER_GRANT, administration.existing(userId), column.name() + " · " + role.label());
        }
    }
}
