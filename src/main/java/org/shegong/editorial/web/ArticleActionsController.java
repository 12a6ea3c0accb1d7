package org.shegong.editorial.web;

import org.shegong.system.web.AdminUrls;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shegong.account.StaffUser;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.ApproveAction;
import org.shegong.editorial.workflow.ApproveAndPublishAction;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.PublishAction;
import org.shegong.editorial.workflow.RejectAction;
import org.shegong.editorial.workflow.ScheduleAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.editorial.workflow.UnscheduleAction;
import org.shegong.editorial.workflow.WithdrawAction;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workflow buttons of the editor page; each posts to one action class. */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ArticleActionsController {

    private final AdminContext context;
    private final ArticleEditor editor;
    private final SubmitAction submit;
    private final ApproveAction approve;
    private final RejectAction reject;
    private final PublishAction publish;
    private final ScheduleAction schedule;
    private final UnscheduleAction unschedule;
    private final WithdrawAction withdraw;
    private final ApproveAndPublishAction approveAndPublish;

    ArticleActionsController(AdminContext context, ArticleEditor editor, SubmitAction submit, ApproveAction approve,
                             RejectAction reject, PublishAction publish, ScheduleAction schedule,
                             UnscheduleAction unschedule, WithdrawAction withdraw,
                             ApproveAndPublishAction approveAndPublish) {
        this.context = context;
        this.editor = editor;
        this.submit = submit;
        this.approve = approve;
        this.reject = reject;
        this.publish = publish;
        this.schedule = schedule;
        this.unschedule = unschedule;
        this.withdraw = withdraw;
        this.approveAndPublish = approveAndPublish;
    }

    @PostMapping("/admin/articles/{id}/{action:submit|approve|approve-and-publish|reject|publish|schedule|unschedule|withdraw}")
    String act(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable String action,
               @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String goLiveAt,
               @RequestParam(defaultValue = "") String expireAt, @RequestParam(defaultValue = "") String override,
               HttpServletRequest request,
               HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        try {
            switch (action) {
                case "submit" -> submit.submit(actor, id, comment);
                case "approve" -> approve.approve(actor, id, comment);
                case "approve-and-publish" -> approveAndPublish.approveAndPublish(actor, id, comment, override);
                case "reject" -> reject.reject(actor, id, comment);
                case "publish" -> publish.publish(actor, id, ArticleForm.parseTime(expireAt, "下线时间"), comment,
                        override);
                case "schedule" -> schedule.schedule(actor, id, ArticleForm.parseTime(goLiveAt, "定时发布时间"),
                        ArticleForm.parseTime(expireAt, "下线时间"), comment, override);
                case "unschedule" -> unschedule.unschedule(actor, id, comment);
                default -> withdraw.withdraw(actor, id, comment);
            }
            return "redirect:" + AdminUrls.done(id, action);
        } catch (EditorialException e) {
            if (e.kind() == EditorialException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("view", editor.existing(context.chrome(request), actor, id, null, e.getMessage(), null,
                    null));
            return "admin/edit";
        }
    }
}
