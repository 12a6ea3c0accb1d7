package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes a column role away from a person; audited only when they held it. One transaction. */
@Component
class RevokeColumnRoleAction {

    private final AccountAdministration administration;
    private final GrantableColumns columns;
    private final AccountAuditTrail trail;

    RevokeColumnRoleAction(AccountAdministration administration, GrantableColumns columns, AccountAuditTrail trail) {
        this.administration = administration;
        this.columns = columns;
        this.trail = trail;
    }

    @Transactional
    void revoke(Actor actor, long userId, long columnId, Role role) {
        Authorization.require(actor, Permission.USERS);
        if (administration.revoke(userId, new ColumnGrant(columnId, role))) {
            String column = columns.byId(columnId).map(GrantableColumns.GrantableColumn::name).orElse("#" + columnId);
            trail.record(actor, AuditCode.USER_REVOKE, administration.existing(userId), column + " · " + role.label());
        }
    }
}
