package org.shegong.digest.web;

import org.shegong.account.Actor;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An editor generates the digest of a window: checked, composed and audited in one transaction. Only a run that
 * changed something (a new draft, a recomposed one) is audited; a run that kept a draft changes nothing.
 */
@Component
class GenerateDigestAction {

    private final DigestAccess access;
    private final DigestService digests;
    private final AuditLog audit;

    GenerateDigestAction(DigestAccess access, DigestService digests, AuditLog audit) {
        this.access = access;
        this.digests = digests;
        this.audit = audit;
    }

    @Transactional
    DigestService.Generated generate(Actor actor, DigestWindow window) {
        access.requireEditor(actor);
        DigestService.Generated generated = digests.generate(window);
        switch (generated.outcome()) {
            case CREATED, RECOMPOSED -> audit.append(actor, AuditCode.DIGEST_GENERATE,
                    generated.digest().articleId(), null, window.title() + "：" + generated.composedEntries() + " 条");
            default -> { }
        }
        return generated;
    }
}
