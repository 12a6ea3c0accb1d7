package org.shegong.account;

import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.Account;
import org.shegong.account.AccountAdministration;
import org.shegong.account.AccountException;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.account.StaffUser;
import org.shegong.system.audit.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * User management for administrators (/admin/users/** is administrator-only). New and reset passwords appear
 * once, in the response to the POST; every change is audited in its own transaction.
 */
@Requires(Permission.USERS)
@BackOffice
@Controller
class UsersController {

    private final AdminContext context;
    private final AccountService accounts;
    private final AccountAdministration administration;
    private final GrantableColumns columns;
    private final AuditLog audit;

    UsersController(AdminContext context, AccountService accounts, AccountAdministration administration,
                    GrantableColumns columns, AuditLog audit) {
        this.context = context;
        this.accounts = accounts;
        this.administration = administration;
        this.columns = columns;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    String list(HttpServletRequest request, Model model) {
        return page(model, request, null, null, null, "", "", null);
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "false") boolean administrator, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        try {
            AccountAdministration.Created created = administration.create(username, displayName, administrator,
                    account -> audit(user, request, "user-create", account, administrator ? "（管理员）" : ""));
            return page(model, request, row(created.account()), null, "账户已创建", "", "", created.password());
        } catch (AccountException e) {
            response.setStatus(400);
            return page(model, request, null, e.getMessage(), null, username, displayName, null);
        }
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String done, HttpServletRequest request,
                Model model) {
        return page(model, request, row(administration.existing(id)), null, done == null ? null : "账户已更新", "", "",
                null);
    }

    @PostMapping("/admin/users/{id}/enabled")
    @Transactional
    String enabled(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam boolean enabled,
                   HttpServletRequest request) {
        administration.setEnabled(user.id(), id, enabled);
        audit(user, request, "user-enable", administration.existing(id), enabled ? "启用" : "停用");
        return "redirect:/admin/users/" + id + "?done=1";
    }

    @PostMapping("/admin/users/{id}/unlock")
    @Transactional
    String unlock(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request) {
        administration.unlock(id);
        audit(user, request, "user-unlock", administration.existing(id), "");
        return "redirect:/admin/users/" + id + "?done=1";
    }

    @PostMapping("/admin/users/{id}/password")
    @Transactional
    String resetPassword(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request,
                         Model model) {
        String password = administration.resetPassword(id);
        Account account = administration.existing(id);
        audit(user, request, "user-password", account, "");
        return page(model, request, row(account), null, "密码已重置", "", "", password);
    }

    @PostMapping("/admin/users/{id}/grants")
    @Transactional
    String grant(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam long column,
                 @RequestParam Role role, HttpServletRequest request) {
        GrantableColumns.GrantableColumn target = column(column);
        if (administration.grant(id, new ColumnGrant(target.id(), role))) {
            audit(user, request, "user-grant", administration.existing(id), target.name() + " · " + role.label());
        }
        return "redirect:/admin/users/" + id + "?done=1";
    }

    @PostMapping("/admin/users/{id}/grants/revoke")
    @Transactional
    String revoke(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam long column,
                  @RequestParam Role role, HttpServletRequest request) {
        if (administration.revoke(id, new ColumnGrant(column, role))) {
            audit(user, request, "user-revoke", administration.existing(id), columnName(column) + " · " + role.label());
        }
        return "redirect:/admin/users/" + id + "?done=1";
    }

    private void audit(StaffUser user, HttpServletRequest request, String action, Account account, String detail) {
        audit.append(context.actor(user, request), action, null, null,
                "账户 " + account.username() + (detail.isEmpty() ? "" : "：" + detail));
    }

    private GrantableColumns.GrantableColumn column(long id) {
        return columns.byId(id).orElseThrow(() -> new AccountException("没有这个栏目"));
    }

    private String columnName(long id) {
        return columns.byId(id).map(GrantableColumns.GrantableColumn::name).orElse("#" + id);
    }

    private UserRow row(Account account) {
        List<UserRow.GrantRow> grants = accounts.grants(account.id()).stream()
                .map(g -> new UserRow.GrantRow(g.columnId(), columnName(g.columnId()), g.role().name(),
                        g.role().label()))
                .toList();
        return new UserRow(account, administration.locked(account), grants);
    }

    private String page(Model model, HttpServletRequest request, UserRow user, String error, String notice,
                        String username, String displayName, String password) {
        List<UserRow> users = user == null ? accounts.all().stream().map(this::row).toList() : List.of();
        model.addAttribute("view", new UsersView(context.chrome(request), users, user, columns.all(), error, notice,
                username, displayName, password));
        return "admin/users";
    }
}
