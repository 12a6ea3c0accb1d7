package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.account.StaffUser;
import org.shegong.editorial.sensitive.ChangeSensitiveWordsAction;
import org.shegong.editorial.sensitive.SensitiveWords;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's list of forbidden words (only administrators reach /admin/sensitive-words). */
@Requires(Permission.SENSITIVE_WORDS)
@BackOffice
@Controller
class SensitiveWordsController {

    private final AdminContext context;
    private final SensitiveWords words;
    private final ChangeSensitiveWordsAction change;

    SensitiveWordsController(AdminContext context, SensitiveWords words, ChangeSensitiveWordsAction change) {
        this.context = context;
        this.words = words;
        this.change = change;
    }

    @GetMapping("/admin/sensitive-words")
    String list(@RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return page(request, model, null, done == null ? null : "敏感词表已更新");
    }

    @PostMapping("/admin/sensitive-words")
    String add(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String words,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            change.add(context.actor(user, request), words);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, e.getMessage(), null);
        }
        return "redirect:/admin/sensitive-words?done=1";
    }

    @PostMapping("/admin/sensitive-words/delete")
    String delete(@AuthenticationPrincipal StaffUser user, @RequestParam String word, HttpServletRequest request) {
        change.remove(context.actor(user, request), word);
        return "redirect:/admin/sensitive-words?done=1";
    }

    private String page(HttpServletRequest request, Model model, String error, String notice) {
        model.addAttribute("chrome", context.chrome(request));
        model.addAttribute("words", words.all());
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        return "admin/sensitive-words";
    }

}
