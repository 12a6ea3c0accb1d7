package org.shegong.engage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member organisation's account on the public side: register, verify the email, log in and out, reset a
 * forgotten password by a mailed link. The login puts
 * an {@link OrgPrincipal} with ROLE_ORGANISATION in the session: it opens /org/submissions and nothing in /admin.
 */
@Controller
class OrganisationController {

    private final ChromeFactory chrome;
    private final OrganisationService organisations;
    private final PasswordResetService resets;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OrganisationController(ChromeFactory chrome, OrganisationService organisations, PasswordResetService resets) {
        this.chrome = chrome;
        this.resets = resets;
        this.organisations = organisations;
    }

    @GetMapping("/org/register")
    String registerForm(HttpServletRequest request, Model model) {
        return page(model, request, "register", "注册投稿账户", List.of(), null, blank());
    }

    @PostMapping("/org/register")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String contactPerson,
                    @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String password,
                    @RequestParam(name = "website", required = false) String honeypot,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        OrganisationService.Registration form = new OrganisationService.Registration(name, contactPerson, email, phone, "");
        if (honeypot != null && !honeypot.isEmpty()) {
            return page(model, request, "message", "请查收验证邮件", List.of(), "验证邮件已发送到您填写的邮箱。", form);
        }
        List<String> errors = organisations.register(
                new OrganisationService.Registration(name, contactPerson, email, phone, password), request.getRemoteAddr());
        if (!errors.isEmpty()) {
            response.setStatus(errors.get(0).contains("频繁") ? HttpStatus.TOO_MANY_REQUESTS.value()
                    : errors.get(0).contains("邮件服务") ? HttpStatus.SERVICE_UNAVAILABLE.value()
                    : HttpStatus.BAD_REQUEST.value());
            return page(model, request, "register", "注册投稿账户", errors, null, form);
        }
        return page(model, request, "message", "请查收验证邮件", List.of(),
                "验证邮件已发送到 " + ReaderText.contact(email) + "。请点击邮件中的链接验证邮箱，然后登录投稿。", form);
    }

    /** A page with a button, not an action on GET: mail scanners follow links. */
    @GetMapping("/org/verify/{token}")
    String verifyPage(@PathVariable String token, HttpServletRequest request, Model model) {
        model.addAttribute("action", "/org/verify/" + token);
        return page(model, request, "verify", "验证邮箱", List.of(), "请点击下面的按钮完成邮箱验证。", blank());
    }

    @PostMapping("/org/verify/{token}")
    String verify(@PathVariable String token, HttpServletRequest request, Model model) {
        if (!organisations.verify(token)) {
            throw new NotFoundException("验证链接无效或已使用；如尚未验证，请登录以重新发送验证邮件");
        }
        return page(model, request, "message", "邮箱已验证", List.of(), "邮箱验证成功，现在可以登录投稿了。", blank());
    }

    @GetMapping("/org/login")
    String loginForm(@RequestParam(required = false) String logout, HttpServletRequest request, Model model) {
        String notice = logout != null ? "您已退出登录。"
                : request.getParameter("ended") != null ? "投稿账户的密码已重设或账户已停用，请重新登录。" : null;
        return page(model, request, "login", "投稿登录", List.of(), notice, blank());
    }

    @PostMapping("/org/login")
    String login(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        OrganisationService.LoginResult result = organisations.login(email, password);
        if (result instanceof OrganisationService.LoginResult.Refused refused) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return page(model, request, "login", "投稿登录", List.of(refused.reason()), null,
                    new OrganisationService.Registration(null, null, email, null, null));
        }
        Organisation organisation = ((OrganisationService.LoginResult.Success) result).organisation();
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation: the session that logs in gets a new id
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                OrgPrincipal.of(organisation), null,
                List.of(new SimpleGrantedAuthority(OrgPrincipal.ROLE))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/org/submissions";
    }

    @GetMapping("/org/reset")
    String resetRequestForm(HttpServletRequest request, Model model) {
        return page(model, request, "reset-request", "找回密码", List.of(),
                organisations.mailAvailable() ? null : "网站尚未配置邮件服务，暂不能找回密码，请联系网站管理员。", blank());
    }

    /** The same answer whether or not the email is registered: the form does not tell who has an account. */
    @PostMapping("/org/reset")
    String resetRequest(@RequestParam(required = false) String email, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        if (ReaderText.contact(email) == null || !ReaderText.contact(email).contains("@")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, request, "reset-request", "找回密码", List.of("请填写注册时使用的电子邮箱"), null, blank());
        }
        resets.request(email);
        return page(model, request, "message", "请查收邮件", List.of(), "如果 " + ReaderText.contact(email)
                + " 是已验证的投稿账户邮箱，重设密码的链接已发送到该邮箱，一小时内有效。未收到的，请 10 分钟后再试。", blank());
    }

    /** A form, not an action on GET: mail scanners follow links. */
    @GetMapping("/org/reset/{token}")
    String resetForm(@PathVariable String token, HttpServletRequest request, Model model) {
        if (!resets.valid(token)) {
            throw new PasswordResetService.InvalidLink();
        }
        model.addAttribute("action", "/org/reset/" + token);
        return page(model, request, "reset", "设置新密码", List.of(), null, blank());
    }

    @PostMapping("/org/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        java.util.Optional<String> problem = resets.reset(token, password);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("action", "/org/reset/" + token);
            return page(model, request, "reset", "设置新密码", List.of(problem.get()), null, blank());
        }
        return page(model, request, "message", "密码已重设", List.of(), "新密码已设置，请用新密码登录。", blank());
    }

    @PostMapping("/org/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/org/login?logout=1";
    }

    private static OrganisationService.Registration blank() {
        return new OrganisationService.Registration(null, null, null, null, null);
    }

    private String page(Model model, HttpServletRequest request, String mode, String heading, List<String> errors,
                        String message, OrganisationService.Registration form) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("view", new OrganisationView(chrome.chrome(null), mode, heading, errors, message, form,
                organisations.mailAvailable(), csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken()));
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", "");
        }
        return "site/organisation";
    }
}
