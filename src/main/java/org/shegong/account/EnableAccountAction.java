package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Enables or disables an account (never one's own): checked, written and audited in one transaction. */
@Component
class EnableAccountAction {

    private final AccountAdministration administration;
    private final AccountAuditTrail trail;

    EnableAccountAction(AccountAdministration administration, AccountAuditTrail trail) {
        this.administration = administration;
        this.trail = trail;
    }

    @Transactional
    void setEnabled(Actor actor, long id, boolean enabled) {
        Authorization.require(actor, Permission.USERS);
        administration.setEnabled(actor.userId(), id, enabled);
        trail.record(actor, AuditCode.USER_ENABLE, administration.existing(id), enabled ? "启用" : "停用");
    }
}
