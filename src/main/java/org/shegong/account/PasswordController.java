package org.shegong.account;

import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.system.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Requires(Permission.STAFF)
@BackOffice
@Controller
class PasswordController {

    private final AccountService accounts;
    private final SiteProperties site;
    private final StaffSessions sessions;
    private final AccountUserDetailsService users;

    PasswordController(AccountService accounts, SiteProperties site, StaffSessions sessions,
                       AccountUserDetailsService users) {
        this.accounts = accounts;
        this.site = site;
        this.sessions = sessions;
        this.users = users;
    }

    @GetMapping("/admin/password")
    String form(HttpServletRequest request, Model model) {
        return page(request, model, null, request.getParameter("changed") != null ? "密码已修改" : null);
    }

    @PostMapping("/admin/password")
    String change(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String oldPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!newPassword.equals(confirmPassword)) {
            return page(request, model, "两次输入的新密码不一致", null);
        }
        try {
            accounts.changePassword(user.id(), oldPassword, newPassword);
        } catch (AccountException e) {
            return page(request, model, e.getMessage(), null);
        }
        sessions.renew(request, response, users.loadUserByUsername(user.getUsername()));
        return "redirect:/admin/password?changed=1";
    }

    private String page(HttpServletRequest request, Model model, String error, String notice) {
        model.addAttribute("chrome", AdminChrome.of(request, site.name()));
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "admin/password";
    }
}
