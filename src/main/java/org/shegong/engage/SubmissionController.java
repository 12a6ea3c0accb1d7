package org.shegong.engage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.shegong.system.web.ChromeFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 投稿 for a logged-in organisation (only ROLE_ORGANISATION reaches /org/submissions): the form and the list, and
 * the correction of a submission an editor sent back.
 */
@Controller
class SubmissionController {

    private static final int LIST_LIMIT = 100;

    private final ChromeFactory chrome;
    private final OrganisationService organisations;
    private final SubmissionService submissions;
    private final SubmissionProperties limits;
    private final ResubmissionService resubmissions;

    SubmissionController(ChromeFactory chrome, OrganisationService organisations, SubmissionService submissions,
                         SubmissionProperties limits, ResubmissionService resubmissions) {
        this.limits = limits;
        this.resubmissions = resubmissions;
        this.chrome = chrome;
        this.organisations = organisations;
        this.submissions = submissions;
    }

    @GetMapping("/org/submissions")
    String list(@AuthenticationPrincipal OrgPrincipal principal, @RequestParam(required = false) String done,
                @RequestParam(required = false) String resubmitted, HttpServletRequest request, Model model) {
        Organisation organisation = current(principal);
        return page(model, request, organisation, List.of(), new SubmissionService.Form(null, null, null, null),
                done != null ? "稿件已提交，请等待编辑审核。" : resubmitted != null ? "修改后的稿件已重新提交，请等待编辑审核。" : null);
    }

    @PostMapping("/org/submissions")
    String submit(@AuthenticationPrincipal OrgPrincipal principal, @RequestParam(required = false) String column,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                  @RequestParam(name = "website", required = false) String honeypot,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        Organisation organisation = current(principal);
        SubmissionService.Form form = new SubmissionService.Form(column, title, body, honeypot);
        SubmissionService.Outcome outcome = submissions.submit(organisation, form, files, request.getRemoteAddr());
        if (!outcome.sent()) {
            response.setStatus(outcome.status());
            return page(model, request, organisation, outcome.errors(), form, null);
        }
        return "redirect:/org/submissions?done=1";
    }

    /** A submission an editor sent back: the reviewer's comment, the text to correct, the files it keeps. */
    @GetMapping("/org/submissions/{id}/edit")
    String editReturned(@AuthenticationPrincipal OrgPrincipal principal, @PathVariable long id,
                        HttpServletRequest request, Model model) {
        ResubmissionService.Returned returned = resubmissions.returned(current(principal), id);
        return editPage(model, request, returned, returned.title(), returned.text(), List.of());
    }

    @PostMapping("/org/submissions/{id}")
    String resubmit(@AuthenticationPrincipal OrgPrincipal principal, @PathVariable long id,
                    @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Organisation organisation = current(principal);
        List<String> errors = resubmissions.resubmit(organisation, id, title, body, request.getRemoteAddr());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, request, resubmissions.returned(organisation, id), title, body, errors);
        }
        return "redirect:/org/submissions?resubmitted=1";
    }

    private String editPage(Model model, HttpServletRequest request, ResubmissionService.Returned returned,
                            String title, String body, List<String> errors) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("view", new ResubmitView(chrome.chrome(null), returned, title, body, errors,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken()));
        return "site/submission-edit";
    }

    /** The account is read fresh: one disabled, or whose password was reset, since the login is logged out. */
    private Organisation current(OrgPrincipal principal) {
        return organisations.find(principal.organisationId()).filter(principal::stillValidFor)
                .orElseThrow(SessionEnded::new);
    }

    private static final class SessionEnded extends RuntimeException {
        SessionEnded() {
            super(null, null, false, false);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(SessionEnded.class)
    String sessionEnded(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return "redirect:/org/login?ended=1";
    }

    private String page(Model model, HttpServletRequest request, Organisation organisation, List<String> errors,
                        SubmissionService.Form form, String notice) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("view", new SubmissionsView(chrome.chrome(null), organisation,
                submissions.submissions(organisation, LIST_LIMIT), submissions.columns(), errors, form, notice,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
                limits.maxFiles(), SubmissionFiles.size(limits.maxFile().toBytes())));
        return "site/submissions";
    }
}
