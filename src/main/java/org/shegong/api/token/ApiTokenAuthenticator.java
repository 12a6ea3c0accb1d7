package org.shegong.api.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shegong.account.Account;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization: Bearer sgp_…} header into the actor the request acts as. Everything is read now:
 * the token row (so a revocation is effective at once), the owner's account (disabled: refused) and the owner's
 * grants. The actor holds, in each of the token's columns where the owner still holds a role, the lower of that role
 * and the token's; never the administrator flag. So a token can never do more than its owner can do now.
 */
@Component
public class ApiTokenAuthenticator {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int ACTOR_NAME_MAX = 100;

    private final ApiTokenRepository tokens;
    private final AccountService accounts;
    private final Clock clock;

    ApiTokenAuthenticator(ApiTokenRepository tokens, AccountService accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    public TokenCaller authenticate(String authorization, String address) {
        if (authorization == null || authorization.isBlank()) {
            throw new TokenRefused("缺少访问令牌：请在请求头 Authorization: Bearer 后附上令牌", true);
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw new TokenRefused("请用 Authorization: Bearer 方式提供访问令牌");
        }
        String secret = header.substring(7).strip();
        if (!TokenSecrets.wellFormed(secret)) {
            throw new TokenRefused("访问令牌无效");
        }
        ApiToken token = tokens.byHash(TokenSecrets.hash(secret)).orElseThrow(() -> new TokenRefused("访问令牌无效"));
        Instant now = clock.instant();
        if (token.revoked()) {
            throw new TokenRefused("访问令牌已吊销");
        }
        if (token.expired(now)) {
            throw new TokenRefused("访问令牌已过期，请在后台“访问令牌”页面创建新的令牌");
        }
        Account owner = accounts.find(token.ownerId()).filter(Account::enabled)
                .orElseThrow(() -> new TokenRefused("令牌所属的账户不存在或已停用"));
        tokens.touch(token.id(), now, TOUCH_EVERY);
        return new TokenCaller(token, new Actor(owner.id(), actorName(owner, token), false,
                scoped(token, owner.administrator(), accounts.grants(owner.id())), address));
    }

    /** The owner's current grants within the token's columns, each capped at the token's role. */
    static List<ColumnGrant> scoped(ApiToken token, boolean administrator, List<ColumnGrant> ownerGrants) {
        List<ColumnGrant> grants = new ArrayList<>();
        for (long column : token.columnIds()) {
            Role held = administrator ? Role.CHIEF_EDITOR : ownerGrants.stream()
                    .filter(g -> g.columnId() == column).map(ColumnGrant::role)
                    .reduce((a, b) -> a.includes(b) ? a : b).orElse(null);
            if (held != null) {
                grants.add(new ColumnGrant(column, held.includes(token.role()) ? token.role() : held));
            }
        }
        return grants;
    }

    /** Who the audit log and the revisions name: the owner, and which token acted for them. */
    private static String actorName(Account owner, ApiToken token) {
        String name = owner.displayName() + "（" + owner.username() + "，令牌 " + token.hint() + "）";
        return name.length() <= ACTOR_NAME_MAX ? name : name.substring(0, ACTOR_NAME_MAX);
    }
}
