package org.shegong.api.token;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.account.Role;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.system.ControlCharacters;
import org.shegong.system.Times;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a personal access token for the acting person: a name, a role no higher than the one they hold in every
 * chosen column, those columns, and an expiry date (required, at most a year ahead). The secret is returned once
 * and only its hash is stored.
 */
@Component
public class CreateApiTokenAction {

    public static final int MAX_DAYS = 366;
    static final int NAME_MAX = 60;

    /** The new token and its secret, which is shown once and never again. */
    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final ColumnService columns;
    private final AuditLog audit;
    private final Clock clock;

    CreateApiTokenAction(ApiTokenRepository tokens, ColumnService columns, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.columns = columns;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code expiresOn} is the last day (China time) on which the token works. */
    @Transactional
    public Created create(Actor actor, String name, Role role, List<Long> columnIds, LocalDate expiresOn) {
        Authorization.require(actor, Permission.ARTICLES);
        String cleanName = name == null ? "" : ControlCharacters.clean(name).strip();
        if (cleanName.isEmpty() || cleanName.length() > NAME_MAX) {
            throw invalid("请填写令牌名称（不超过 " + NAME_MAX + " 字），例如对接的系统名");
        }
        if (role == null || role == Role.ADMINISTRATOR) {
            throw invalid("请选择令牌的角色（投稿人、初审/采编、复审或终审）");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(Times.CHINA).toLocalDate();
        if (expiresOn == null || !expiresOn.isAfter(today.minusDays(1)) || expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
            throw invalid("请填写有效期（今天起，最长一年）");
        }
        LinkedHashSet<Long> chosen = new LinkedHashSet<>(columnIds == null ? List.of() : columnIds);
        if (chosen.isEmpty()) {
            throw invalid("请至少选择一个栏目");
        }
        for (long columnId : chosen) {
            Column column = columns.byId(columnId).orElseThrow(() -> invalid("所选栏目不存在"));
            if (!Authorization.holds(actor, role, columnId)) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "您在栏目“" + column.name() + "”没有“" + role.label()
                        + "”角色，令牌不能超出您自己的权限");
            }
        }
        String secret = TokenSecrets.generate();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        long id = tokens.insert(actor.userId(), cleanName, TokenSecrets.hash(secret), TokenSecrets.hint(secret), role,
                List.copyOf(chosen), now, expiresAt);
        ApiToken token = tokens.find(id).orElseThrow();
        audit.append(actor, AuditCode.API_TOKEN_CREATE, null, null, "令牌“" + cleanName + "”（" + token.hint()
                + "…），角色 " + role.label() + "，栏目 " + names(token.columnIds()) + "，有效期至 " + expiresOn);
        return new Created(token, secret);
    }

    private String names(List<Long> columnIds) {
        return columnIds.stream().map(id -> columns.byId(id).map(Column::name).orElse("#" + id))
                .collect(Collectors.joining("、"));
    }

    private static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, message);
    }
}
