package org.shegong.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.AdminChrome;
import org.shegong.system.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final SiteProperties site;

    DashboardController(SiteProperties site) {
        this.site = site;
    }

    @GetMapping("/admin")
    String dashboard(HttpServletRequest request, Model model) {
        model.addAttribute("chrome", AdminChrome.of(request, site.name()));
        return "admin/dashboard";
    }
}
