package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lifts the lock that failed logins put on an account: checked, written and audited in one transaction. */
@Component
class UnlockAccountAction {

    private final AccountAdministration administration;
    private final AccountAuditTrail trail;

    UnlockAccountAction(AccountAdministration administration, AccountAuditTrail trail) {
        this.administration = administration;
        this.trail = trail;
    }

    @Transactional
    void unlock(Actor actor, long id) {
        Authorization.require(actor, Permission.USERS);
        administration.unlock(id);
        trail.record(actor, AuditCode.USER_UNLOCK, administration.existing(id), "");
    }
}
