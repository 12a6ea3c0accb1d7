package org.shegong.system.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which article (and revision), when, from where, and why. */
public record AuditEntry(long id, Instant at, Long actorId, String actorName, String action, Long articleId,
                         Integer revisionNumber, String address, String comment) {

    /** The action's Chinese name. */
    public String actionLabel() {
        return AuditCode.labelOf(action);
    }
}
