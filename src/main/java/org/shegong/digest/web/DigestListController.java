package org.shegong.digest.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The digests, newest window first, and the form that generates one for any date range. */
@Requires(Permission.DIGESTS)
@BackOffice
@Controller
class DigestListController {

    private static final int SHOWN = 100;

    private final AdminContext context;
    private final DigestAccess access;
    private final DigestService digests;
    private final GenerateDigestAction generate;

    DigestListController(AdminContext context, DigestAccess access, DigestService digests,
                         GenerateDigestAction generate) {
        this.context = context;
        this.access = access;
        this.digests = digests;
        this.generate = generate;
    }

    @GetMapping("/admin/digests")
    String list(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        access.requireEditor(context.actor(user, request));
        return page(request, model, "", "", null);
    }

    @PostMapping("/admin/digests")
    String generate(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String from,
                    @RequestParam(defaultValue = "") String to, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        access.requireEditor(actor);
        DigestService.Generated generated;
        try {
            DigestWindow window = RequestedWindow.parse(from, to);
            generated = generate.generate(actor, window);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, from, to, e.getMessage());
        }
        return "redirect:/admin/digests/" + generated.digest().id() + "?done="
                + generated.outcome().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String page(HttpServletRequest request, Model model, String from, String to, String error) {
        List<DigestViews.Row> rows = digests.recent(SHOWN).stream()
                .map(d -> new DigestViews.Row(d, digests.entries(d.id()).size())).toList();
        model.addAttribute("view", new DigestViews.ListPage(context.chrome(request), rows, from, to, error, null));
        return "admin/digests";
    }
}
