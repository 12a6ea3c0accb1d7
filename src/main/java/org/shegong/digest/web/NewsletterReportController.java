package org.shegong.digest.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.shegong.digest.DigestService;
import org.shegong.digest.newsletter.NewsletterService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The newsletter at a glance for administrators and chief editors: subscribers by state and, per published
 * digest, how its mailing went with every recorded failure.
 */
@Requires(Permission.NEWSLETTER)
@BackOffice
@Controller
class NewsletterReportController {

    private static final int MAILINGS = 20;

    private final AdminContext context;
    private final NewsletterService newsletter;
    private final DigestService digests;

    NewsletterReportController(AdminContext context, NewsletterService newsletter, DigestService digests) {
        this.context = context;
        this.newsletter = newsletter;
        this.digests = digests;
    }

    @GetMapping("/admin/newsletter")
    String show(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        List<DigestViews.Mailing> mailings = digests.recent(MAILINGS).stream().filter(d -> !d.isDraft())
                .map(d -> new DigestViews.Mailing(d, newsletter.progress(d.id()), newsletter.failures(d.id())))
                .toList();
        model.addAttribute("view", new DigestViews.NewsletterPage(context.chrome(request),
                newsletter.subscriberCounts(), mailings));
        return "admin/newsletter";
    }
}
