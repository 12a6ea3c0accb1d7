package org.shegong.engage;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.system.web.BackOffice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderation queue of 互动交流: read a question, answer and publish it, or decline to publish it. */
@Requires(Permission.INTERACT)
@Controller
@BackOffice
class InteractAdminController {

    private final AdminContext context;
    private final ModerationService moderation;
    private final ColumnService columns;
    private final ArticleService articles;
    private final InteractProperties properties;
    private final Clock clock;

    InteractAdminController(AdminContext context, ModerationService moderation, ColumnService columns,
                            ArticleService articles, InteractProperties properties, Clock clock) {
        this.context = context;
        this.moderation = moderation;
        this.columns = columns;
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/admin/interact")
    String queue(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "PENDING") String state,
                 @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        QuestionState shown = parseState(state);
        Actor actor = context.actor(user, request);
        Instant overdueBefore = clock.instant().minus(Duration.ofDays(properties.overdueDays()));
        model.addAttribute("chrome", context.chrome(request));
        model.addAttribute("view", new ModerationQueueView(shown, moderation.queue(actor, shown).stream()
                .map(q -> new ModerationQueueView.Row(q, about(q), shown == QuestionState.PENDING
                        && q.createdAt().isBefore(overdueBefore))).toList(), properties.overdueDays(),
                "publish".equals(done) ? "已公开答复" : "reject".equals(done) ? "已设为不予公开" : null));
        return "admin/interact";
    }

    @GetMapping("/admin/interact/{id}")
    String item(@AuthenticationPrincipal StaffUser user, @PathVariable long id, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return item(context.actor(user, request), id, null, null, request, response, model);
    }

    @PostMapping("/admin/interact/{id}/publish")
    String publish(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "") String answer, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        try {
            moderation.publish(actor, id, answer);
        } catch (ModerationException e) {
            return item(actor, id, e, answer, request, response, model);
        }
        return "redirect:/admin/interact?done=publish";
    }

    @PostMapping("/admin/interact/{id}/reject")
    String reject(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String note, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        try {
            moderation.reject(actor, id, note);
        } catch (ModerationException e) {
            return item(actor, id, e, null, request, response, model);
        }
        return "redirect:/admin/interact?done=reject";
    }

    private String item(Actor actor, long id, ModerationException error, String answer, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        model.addAttribute("chrome", context.chrome(request));
        Question question = moderation.find(actor, id).orElse(null);
        if (question == null || error instanceof ModerationException.NotFound) {
            response.setStatus(404);
            model.addAttribute("status", 404);
            model.addAttribute("message", "没有找到这条留言，或您无权处理。");
            return "admin/message";
        }
        if (error != null) {
            response.setStatus(400);
        }
        model.addAttribute("view", new ModerationItemView(question, about(question),
                answer != null ? answer : question.answer() == null ? "" : question.answer(),
                error == null ? null : error.getMessage()));
        return "admin/interact-item";
    }

    private String about(Question q) {
        if (q.articleId() != null) {
            return articles.find(q.articleId()).map(Article::title).map(t -> "文章《" + t + "》")
                    .orElse("文章 #" + q.articleId());
        }
        if (q.columnId() != null) {
            return columns.byId(q.columnId()).map(Column::name).map(n -> "栏目“" + n + "”").orElse("栏目");
        }
        return "全站咨询";
    }

    private static QuestionState parseState(String raw) {
        try {
            return QuestionState.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return QuestionState.PENDING;
        }
    }
}
