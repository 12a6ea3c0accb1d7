package org.shegong.api.token;

import java.time.Clock;
import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes a token: its owner may revoke their own, an administrator anyone's. Effective with the commit, since every
 * API request reads the token row. Someone else's token is "not found", as someone else's article is (ADR 0028).
 */
@Component
public class RevokeApiTokenAction {

    private final ApiTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    RevokeApiTokenAction(ApiTokenRepository tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the revoked token; refuses when it was already revoked. */
    @Transactional
    public ApiToken revoke(Actor actor, long tokenId) {
        Authorization.require(actor, Permission.ARTICLES);
        ApiToken token = tokens.find(tokenId)
                .filter(t -> actor.administrator() || actor.userId() != null && t.ownerId() == actor.userId())
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "没有找到这个令牌"));
        if (!tokens.revoke(tokenId, clock.instant(), actor.name())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "这个令牌已经吊销");
        }
        audit.append(actor, AuditCode.API_TOKEN_REVOKE, null, null, "令牌“" + token.name() + "”（" + token.hint()
                + "…），所有者编号 " + token.ownerId());
        return tokens.find(tokenId).orElseThrow();
    }
}
