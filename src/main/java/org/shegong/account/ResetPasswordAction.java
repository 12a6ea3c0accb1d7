package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives an account a new random password, returned once for the confirmation page: checked, written and
 * audited in one transaction (the audit entry never holds the password).
 */
@Component
class ResetPasswordAction {

    private final AccountAdministration administration;
    private final AccountAuditTrail trail;

    ResetPasswordAction(AccountAdministration administration, AccountAuditTrail trail) {
        this.administration = administration;
        this.trail = trail;
    }

    @Transactional
    String reset(Actor actor, long id) {
        Authorization.require(actor, Permission.USERS);
        String password = administration.resetPassword(id);
        trail.record(actor, AuditCode.USER_PASSWORD, administration.existing(id), "");
        return password;
    }
}
