package org.shegong.api.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.account.AdminContext;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.account.Role;
import org.shegong.account.StaffUser;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.system.Times;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 访问令牌: everyone who may write articles manages their own personal access tokens for the write API here;
 * administrators see and may revoke everyone's. The page that shows a new secret is the answer to the POST itself
 * (not a redirect, so the secret never passes through the session) and is not to be cached.
 */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ApiTokensController {

    private static final int LIST_LIMIT = 500;
    private static final int DEFAULT_DAYS = 90;

    private final ApiTokenRepository tokens;
    private final CreateApiTokenAction create;
    private final RevokeApiTokenAction revoke;
    private final AdminContext context;
    private final ColumnService columns;
    private final AccountService accounts;
    private final Clock clock;

    ApiTokensController(ApiTokenRepository tokens, CreateApiTokenAction create, RevokeApiTokenAction revoke,
                        AdminContext context, ColumnService columns, AccountService accounts, Clock clock) {
        this.tokens = tokens;
        this.create = create;
        this.revoke = revoke;
        this.context = context;
        this.columns = columns;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    String list(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String revoked,
                HttpServletRequest request, Model model) {
        return page(user, request, model, null, revoked != null ? "令牌已吊销，使用它的请求会立即被拒绝" : null, null);
    }

    @PostMapping("/admin/tokens")
    String create(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String role, @RequestParam(required = false) List<Long> columnIds,
                  @RequestParam(defaultValue = "") String expiresOn, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        try {
            Role chosen = Arrays.stream(Role.columnRoles()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
            CreateApiTokenAction.Created created = create.create(actor, name, chosen,
                    columnIds == null ? List.of() : columnIds, date(expiresOn));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(user, request, model, null, null, created);
        } catch (Refusal e) {
            response.setStatus(e.status());
            return page(user, request, model, e.getMessage(), null, null);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request) {
        revoke.revoke(context.actor(user, request), id);
        return "redirect:/admin/tokens?revoked=1";
    }

    private static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.INVALID, "有效期格式不正确，请按 2026-03-01 填写");
        }
    }

    private String page(StaffUser user, HttpServletRequest request, Model model, String error, String notice,
                        CreateApiTokenAction.Created created) {
        Actor actor = context.actor(user, request);
        Instant now = clock.instant();
        List<ApiToken> listed = actor.administrator() ? tokens.all(LIST_LIMIT) : tokens.ofOwner(user.id(), LIST_LIMIT);
        List<ApiTokensView.Row> rows = new ArrayList<>();
        for (ApiToken token : listed) {
            String owner = accounts.find(token.ownerId()).map(a -> a.displayName() + "（" + a.username() + "）")
                    .orElse("#" + token.ownerId());
            rows.add(new ApiTokensView.Row(token, owner, token.stateLabel(now), names(token.columnIds()),
                    Times.listDate(token.createdAt()), Times.listDate(token.expiresAt().minusSeconds(1)),
                    token.lastUsedAt() == null ? "从未使用" : Times.articleDateTime(token.lastUsedAt()),
                    !token.revoked()));
        }
        List<Column> writable = columns.all().stream().filter(c -> Authorization.mayWriteIn(actor, c.id())).toList();
        LocalDate today = now.atZone(Times.CHINA).toLocalDate();
        model.addAttribute("view", new ApiTokensView(context.chrome(request), rows, actor.administrator(), writable,
                List.of(Role.columnRoles()), today.plusDays(DEFAULT_DAYS).toString(),
                today.plusDays(CreateApiTokenAction.MAX_DAYS).toString(), error, notice,
                created == null ? null : created.token(), created == null ? null : created.secret()));
        return "admin/tokens";
    }

    private String names(List<Long> columnIds) {
        return columnIds.stream().map(id -> columns.byId(id).map(Column::name).orElse("#" + id))
                .collect(Collectors.joining("、"));
    }
}
