package org.shegong.digest.web;

import org.shegong.system.web.AdminUrls;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestEntry;
import org.shegong.digest.DigestProperties;
import org.shegong.digest.DigestService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One digest: its introduction and its entries per section, each change a plain form post that redirects back
 * (no script needed). Submitting hands the draft to the normal editorial workflow.
 */
@Requires(Permission.DIGESTS)
@BackOffice
@Controller
class DigestEditController {

    private final AdminContext context;
    private final DigestAccess access;
    private final DigestService digests;
    private final DigestProperties properties;
    private final EditDigestAction edit;
    private final DigestSubmission submission;

    DigestEditController(AdminContext context, DigestAccess access, DigestService digests, DigestProperties properties,
                         EditDigestAction edit, DigestSubmission submission) {
        this.context = context;
        this.access = access;
        this.digests = digests;
        this.properties = properties;
        this.edit = edit;
        this.submission = submission;
    }

    @GetMapping("/admin/digests/{id}")
    String show(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return page(context.actor(user, request), id, request, model, null, notice(done));
    }

    @PostMapping("/admin/digests/{id}/introduction")
    String introduction(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                        @RequestParam(defaultValue = "") String introduction, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        return change(actor, id, request, response, model, "introduction",
                () -> edit.introduction(actor, id, introduction));
    }

    @PostMapping("/admin/digests/{id}/entries")
    String entries(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam String op,
                   @RequestParam int index, @RequestParam long article, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        return change(actor, id, request, response, model, "entries", () -> {
            EditDigestAction.EntryOp which = switch (op) {
                case "up" -> EditDigestAction.EntryOp.UP;
                case "down" -> EditDigestAction.EntryOp.DOWN;
                case "drop" -> EditDigestAction.EntryOp.DROP;
                default -> throw new IllegalArgumentException("未知的操作");
            };
            edit.entry(actor, id, which, index, article);
        });
    }

    @PostMapping("/admin/digests/{id}/add")
    String add(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
               @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String article,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        return change(actor, id, request, response, model, "add", () -> edit.add(actor, id, section, article));
    }

    @PostMapping("/admin/digests/{id}/recompose")
    String recompose(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        return change(actor, id, request, response, model, "recomposed", () -> edit.recompose(actor, id));
    }

    @PostMapping("/admin/digests/{id}/submit")
    String submit(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String comment, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        long[] articleId = new long[1];
        String outcome = change(actor, id, request, response, model, "submit",
                () -> articleId[0] = submission.submit(actor, id, comment));
        return articleId[0] == 0 ? outcome : "redirect:" + AdminUrls.done(articleId[0], "submit");
    }

    /** Runs a change; a refusal shows the digest page again with the reason, a permission refusal the 403 page. */
    private String change(Actor actor, long id, HttpServletRequest request, HttpServletResponse response, Model model,
                          String done, Runnable work) {
        try {
            work.run();
            return "redirect:/admin/digests/" + id + "?done=" + done;
        } catch (EditorialException e) {
            if (e.kind() == EditorialException.Kind.FORBIDDEN || e.kind() == EditorialException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == EditorialException.Kind.INVALID ? 400 : 409);
            return page(actor, id, request, model, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(actor, id, request, model, e.getMessage(), null);
        } catch (IllegalStateException e) {
            response.setStatus(409);
            return page(actor, id, request, model, e.getMessage(), null);
        }
    }

    private String page(Actor actor, long id, HttpServletRequest request, Model model, String error, String notice) {
        Digest digest = access.digest(id);
        WorkflowRecord record = access.record(actor, digest);
        boolean editable = digest.isDraft() && org.shegong.editorial.workflow.WorkflowAction.EDIT
                .allowedFrom(record.state(), record.live());
        List<DigestEntry> entries = digests.entries(id);
        List<DigestViews.Section> sections = new ArrayList<>();
        for (DigestProperties.Section section : properties.sections()) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).sectionKey().equals(section.key())) {
                    positions.add(i);
                }
            }
            List<DigestViews.Entry> shown = new ArrayList<>();
            for (int n = 0; n < positions.size(); n++) {
                shown.add(new DigestViews.Entry(positions.get(n), entries.get(positions.get(n)), n == 0,
                        n == positions.size() - 1));
            }
            sections.add(new DigestViews.Section(section.key(), section.title(), shown));
        }
        String stage = digest.isDraft() ? record.state().label() : "已发布";
        model.addAttribute("view", new DigestViews.EditPage(context.chrome(request), digest, stage, editable, sections,
                error, notice));
        return "admin/digest";
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "已生成这期一周动态的草稿";
            case "recomposed" -> "已按当前内容重新生成";
            case "unchanged" -> "这一时间段已有草稿，内容没有变化";
            case "kept_edited" -> "这一时间段已有编辑修改过的草稿，未覆盖";
            case "kept_published" -> "这一时间段的一周动态已经发布";
            case "introduction" -> "导语已保存";
            case "entries", "add" -> "条目已更新";
            default -> null;
        };
    }
}
