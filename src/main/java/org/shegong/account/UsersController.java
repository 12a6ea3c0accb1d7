package org.shegong.account;

import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * User management for administrators (/admin/users/** is administrator-only). New and reset passwords appear
 * once, in the response to the POST. Each change is an action class that checks, writes and audits in one
 * transaction.
 */
@Requires(Permission.USERS)
@BackOffice
@Controller
class UsersController {

    private final AdminContext context;
    private final AccountService accounts;
    private final AccountAdministration administration;
    private final GrantableColumns columns;
    private final CreateAccountAction create;
    private final EnableAccountAction enable;
    private final UnlockAccountAction unlock;
    private final ResetPasswordAction resetPassword;
    private final GrantColumnRoleAction grant;
    private final RevokeColumnRoleAction revoke;

    UsersController(AdminContext context, AccountService accounts, AccountAdministration administration,
                    GrantableColumns columns, CreateAccountAction create, EnableAccountAction enable,
                    UnlockAccountAction unlock, ResetPasswordAction resetPassword, GrantColumnRoleAction grant,
                    RevokeColumnRoleAction revoke) {
        this.context = context;
        this.accounts = accounts;
        this.administration = administration;
        this.columns = columns;
        this.create = create;
        this.enable = enable;
        this.unlock = unlock;
        this.resetPassword = resetPassword;
        this.grant = grant;
        this.revoke = revoke;
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
            AccountAdministration.Created created = create.create(context.actor(user, request), username, displayName,
                    administrator);
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
    String enabled(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam boolean enabled,
                   HttpServletRequest request) {
        enable.setEnabled(context.actor(user, request), id, enabled);
        return done(id);
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request) {
        unlock.unlock(context.actor(user, request), id);
        return done(id);
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request,
                         Model model) {
        String password = resetPassword.reset(context.actor(user, request), id);
        return page(model, request, row(administration.existing(id)), null, "密码已重置", "", "", password);
    }

    @PostMapping("/admin/users/{id}/grants")
    String grant(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam long column,
                 @RequestParam Role role, HttpServletRequest request) {
        grant.grant(context.actor(user, request), id, column, role);
        return done(id);
    }

    @PostMapping("/admin/users/{id}/grants/revoke")
    String revoke(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam long column,
                  @RequestParam Role role, HttpServletRequest request) {
        revoke.revoke(context.actor(user, request), id, column, role);
        return done(id);
    }

    private static String done(long id) {
        return "redirect:/admin/users/" + id + "?done=1";
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
