package org.shegong.sitepage;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.shegong.system.web.BackOffice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Single pages in the back office (administrators). Each change is an action (SitePageActions) that checks,
 * writes and audits in one transaction; a rejected change shows the form again with what was typed.
 */
@Requires(Permission.SITE_PAGES)
@Controller
@BackOffice
class SitePagesController {

    static final String PATH = "/admin/pages";

    private final AdminContext context;
    private final SitePageService pages;
    private final SitePageActions actions;

    SitePagesController(AdminContext context, SitePageService pages, SitePageActions actions) {
        this.context = context;
        this.pages = pages;
        this.actions = actions;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        model.addAttribute("view", new SitePagesView(context.chrome(request), pages.all(),
                done == null ? null : "单页已保存"));
        return "sitepage/pages";
    }

    @GetMapping(PATH + "/new")
    String create(HttpServletRequest request, Model model) {
        return form(model, request, null, null, "", "", "");
    }

    @GetMapping(PATH + "/{id}")
    String edit(@PathVariable long id, HttpServletRequest request, Model model) {
        SitePage page = find(id);
        return form(model, request, page, null, page.slug(), page.title(), page.bodyHtml());
    }

    @PostMapping(PATH)
    String add(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String slug,
               @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            actions.add(context.actor(user, request), slug, title, body);
            return "redirect:" + PATH + "?done=1";
        } catch (SitePageException e) {
            response.setStatus(400);
            return form(model, request, null, e.getMessage(), slug, title, body);
        }
    }

    @PostMapping(PATH + "/{id}")
    String save(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        SitePage page = find(id);
        try {
            actions.edit(context.actor(user, request), id, title, body);
            return "redirect:" + PATH + "?done=1";
        } catch (SitePageException e) {
            response.setStatus(400);
            return form(model, request, page, e.getMessage(), page.slug(), title, body);
        }
    }

    private SitePage find(long id) {
        return pages.byId(id).orElseThrow(SitePageException::missing);
    }

    private String form(Model model, HttpServletRequest request, SitePage editing, String error, String slug,
                        String title, String body) {
        model.addAttribute("view", new SitePageForm(context.chrome(request), editing, error, slug, title, body));
        return "sitepage/page-edit";
    }
}
