package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates a staff account with a generated password: checked, written and audited in one transaction. */
@Component
class CreateAccountAction {

    private final AccountAdministration administration;
    private final AccountAuditTrail trail;

    CreateAccountAction(AccountAdministration administration, AccountAuditTrail trail) {
        this.administration = administration;
        this.trail = trail;
    }

    @Transactional
    AccountAdministration.Created create(Actor actor, String username, String displayName, boolean administrator) {
        Authorization.require(actor, Permission.USERS);
        AccountAdministration.Created created = administration.create(username, displayName, administrator);
        trail.record(actor, AuditCode.USER_CREATE, created.account(), administrator ? "（管理员）" : "");
        return created;
    }
}
