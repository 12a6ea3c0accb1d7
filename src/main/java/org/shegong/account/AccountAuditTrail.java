package org.shegong.account;

import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;

/** How the account actions word their audit entries ("账户 username：…"), in one place. */
@Component
class AccountAuditTrail {

    private final AuditLog audit;

    AccountAuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    void record(Actor actor, AuditCode code, Account account, String detail) {
        audit.append(actor, code, null, null, "账户 " + account.username() + (detail.isEmpty() ? "" : "：" + detail));
    }
}
