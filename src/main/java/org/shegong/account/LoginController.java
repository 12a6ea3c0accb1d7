package org.shegong.account;

import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.shegong.system.SiteProperties;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Requires(Permission.ANYONE)
@BackOffice
@Controller
class LoginController {

    private final SiteProperties site;

    LoginController(SiteProperties site) {
        this.site = site;
    }

    @GetMapping("/admin/login")
    String login(HttpServletRequest request, Model model) {
        String error = null;
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            // Only our own messages are shown; anything else gets the neutral one.
            error = last instanceof AuthenticationException e && e.getMessage() != null
                    && !e.getMessage().isBlank() && !e.getMessage().matches("[\\x00-\\x7F]*")
                    ? e.getMessage() : "用户名或密码错误";
        }
        String notice = request.getParameter("logout") != null ? "您已安全退出"
                : request.getParameter("expired") != null ? "登录已过期，请重新登录"
                : request.getParameter("ended") != null ? "该账户的密码已更改或账户已停用，请重新登录" : null;
        model.addAttribute("chrome", AdminChrome.of(request, site.name()));
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        return "admin/login";
    }
}
