package org.shegong.digest.newsletter;

import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.digest.newsletter.SubscriptionService;
import org.shegong.digest.newsletter.SubscriptionService.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing to the weekly digest by mail. Confirm and unsubscribe links open a page with a button rather
 * than acting on GET, because mail scanners follow links; the unsubscribe POST also serves RFC 8058
 * one-click unsubscribe from mail clients (exempt from CSRF: the token in the address is the authority).
 */
@Controller
class NewsletterController {

    static final String PATH = "/newsletter";
    private static final String HEADING = "订阅“社会工作一周动态”";

    private final ChromeFactory chrome;
    private final SubscriptionService subscriptions;

    NewsletterController(ChromeFactory chrome, SubscriptionService subscriptions) {
        this.chrome = chrome;
        this.subscriptions = subscriptions;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model) {
        if (!subscriptions.mailConfigured()) {
            return page(model, request, HEADING, "本站暂未开通邮件订阅。您可以通过 RSS 或 Atom 订阅“社会工作一周动态”等栏目的更新。",
                    null, "", false, null, null);
        }
        return page(model, request, HEADING, "每周一期，汇总政策参考、联合会动态和行业动态。填写邮箱后，我们会发一封确认邮件，"
                + "点击其中的链接即完成订阅。", null, "", true, null, null);
    }

    @PostMapping(PATH)
    String subscribe(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        Outcome outcome = subscriptions.subscribe(email, request.getRemoteAddr());
        String entered = email == null ? "" : email.length() > 254 ? email.substring(0, 254) : email;
        return switch (outcome) {
            case ACCEPTED -> page(model, request, "请查收确认邮件",
                    "如果这个地址尚未订阅，我们已向它发送了一封确认邮件。请点击邮件中的链接完成订阅（链接在有效期内可用）。", null, "",
                    false, null, null);
            case INVALID_ADDRESS -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                yield page(model, request, HEADING, null, "请输入有效的电子邮箱地址，例如 name@example.com", entered, true,
                        null, null);
            }
            case TOO_MANY_REQUESTS -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                yield page(model, request, HEADING, null, "提交过于频繁，请一小时后再试", entered, true, null, null);
            }
            case MAIL_UNAVAILABLE -> {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                yield page(model, request, HEADING, null, "邮件服务暂时不可用，请稍后再试", entered, true, null, null);
            }
        };
    }

    @GetMapping(PATH + "/confirm/{token}")
    String confirmPage(@PathVariable String token, HttpServletRequest request, Model model) {
        return page(model, request, "确认订阅", "请点击下面的按钮，确认订阅“社会工作一周动态”。", null, "", false,
                PATH + "/confirm/" + token, "确认订阅");
    }

    @PostMapping(PATH + "/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, Model model) {
        subscriptions.confirm(token).orElseThrow(() -> new NotFoundException("确认链接无效或已过期，请重新订阅"));
        return page(model, request, "订阅成功", "感谢订阅！今后每期“社会工作一周动态”发布后都会发到您的邮箱。每封邮件中都有退订链接。",
                null, "", false, null, null);
    }

    @GetMapping(PATH + "/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, HttpServletRequest request, Model model) {
        subscriptions.byUnsubscribeToken(token).orElseThrow(() -> new NotFoundException("退订链接无效"));
        return page(model, request, "退订", "点击下面的按钮，您将不再收到“社会工作一周动态”邮件。", null, "", false,
                PATH + "/unsubscribe/" + token, "确认退订");
    }

    @PostMapping(PATH + "/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model) {
        if (!subscriptions.unsubscribe(token)) {
            throw new NotFoundException("退订链接无效");
        }
        return page(model, request, "已退订", "您已退订“社会工作一周动态”，不会再收到我们的邮件。如需重新订阅，可随时回到订阅页面。",
                null, "", false, null, null);
    }

    private String page(Model model, HttpServletRequest request, String heading, String message, String error,
                        String email, boolean form, String action, String button) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("view", new NewsletterView(chrome.chrome(null), heading, message, error, email, form,
                action, button, csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken()));
        return "site/newsletter";
    }
}
