package org.shegong.topic;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.account.StaffUser;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleRow;
import org.shegong.system.web.BackOffice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The back office's 首页版位 page (/admin/slots) and 专题 pages (/admin/topics). */
@Requires(Permission.SLOTS)
@Controller
@BackOffice
class CurationAdminController {

    private final AdminContext context;
    private final Curation curation;
    private final ArticleService articles;

    CurationAdminController(AdminContext context, Curation curation, ArticleService articles) {
        this.context = context;
        this.curation = curation;
        this.articles = articles;
    }

    // --- slots

    @GetMapping("/admin/slots")
    String slots(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String done,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        return slotsPage(user, request, response, model, null, done == null ? null : "首页版位已更新");
    }

    @PostMapping("/admin/slots/{slot}/add")
    String addToSlot(@AuthenticationPrincipal StaffUser user, @PathVariable String slot,
                     @RequestParam(defaultValue = "") String article, @RequestParam(required = false) String imageUrl,
                     @RequestParam(required = false) String caption, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        return slotAction(user, request, response, model, actor -> curation.addToSlot(actor, slot(slot), article,
                imageUrl, caption));
    }

    @PostMapping("/admin/slots/{slot}/{entry}/remove")
    String removeFromSlot(@AuthenticationPrincipal StaffUser user, @PathVariable String slot, @PathVariable long entry,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        return slotAction(user, request, response, model, actor -> curation.removeFromSlot(actor, slot(slot), entry));
    }

    @PostMapping("/admin/slots/{slot}/{entry}/up")
    String moveUp(@AuthenticationPrincipal StaffUser user, @PathVariable String slot, @PathVariable long entry,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        return slotAction(user, request, response, model, actor -> curation.moveUp(actor, slot(slot), entry));
    }

    private String slotAction(StaffUser user, HttpServletRequest request, HttpServletResponse response, Model model,
                              java.util.function.Consumer<Actor> action) {
        try {
            action.accept(context.actor(user, request));
        } catch (TopicException e) {
            response.setStatus(e instanceof TopicException.Forbidden ? 403 : 400);
            return slotsPage(user, request, response, model, e.getMessage(), null);
        }
        return "redirect:/admin/slots?done=1";
    }

    private String slotsPage(StaffUser user, HttpServletRequest request, HttpServletResponse response, Model model,
                             String error, String notice) {
        Actor actor = context.actor(user, request);
        model.addAttribute("chrome", context.chrome(request));
        if (!Curation.mayCurate(actor)) {
            response.setStatus(403);
            model.addAttribute("message", "只有终审编辑和管理员可以管理首页版位和专题");
            model.addAttribute("status", 403);
            return "admin/message";
        }
        List<SlotsView.Block> blocks = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            List<SlotEntry> entries = curation.slot(slot);
            Map<Long, ArticleRow> rows = rows(entries.stream().map(SlotEntry::articleId).toList());
            blocks.add(new SlotsView.Block(slot, entries.stream().map(e -> new SlotsView.Line(e,
                    rows.containsKey(e.articleId()) ? rows.get(e.articleId()).title() : "（文章已删除）",
                    rows.containsKey(e.articleId()) && rows.get(e.articleId()).status().name().equals("LIVE"))).toList()));
        }
        model.addAttribute("view", new SlotsView(blocks, error, notice));
        return "admin/slots";
    }

    // --- topics

    @GetMapping("/admin/topics")
    String topics(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        return topicPage(user, request, response, model, null, null, null, null);
    }

    @PostMapping("/admin/topics")
    String createTopic(@AuthenticationPrincipal StaffUser user, TopicFormParams form, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        try {
            long id = curation.createTopic(context.actor(user, request), form.toForm());
            return "redirect:/admin/topics/" + id + "?done=1";
        } catch (TopicException e) {
            response.setStatus(e instanceof TopicException.Forbidden ? 403 : 400);
            return topicPage(user, request, response, model, null, form.toForm(), e.getMessage(), null);
        }
    }

    @GetMapping("/admin/topics/{id}")
    String topic(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                 @RequestParam(required = false) String done, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        return topicPage(user, request, response, model, id, null, null, done == null ? null : "专题已保存");
    }

    @PostMapping("/admin/topics/{id}")
    String updateTopic(@AuthenticationPrincipal StaffUser user, @PathVariable long id, TopicFormParams form,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            curation.updateTopic(context.actor(user, request), id, form.toForm());
            return "redirect:/admin/topics/" + id + "?done=1";
        } catch (TopicException e) {
            response.setStatus(e instanceof TopicException.Forbidden ? 403 : 400);
            return topicPage(user, request, response, model, id, form.toForm(), e.getMessage(), null);
        }
    }

    @PostMapping("/admin/topics/{id}/items")
    String addItem(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "") String article, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        try {
            curation.addTopicItem(context.actor(user, request), id, article);
            return "redirect:/admin/topics/" + id + "?done=1";
        } catch (TopicException e) {
            response.setStatus(e instanceof TopicException.Forbidden ? 403 : 400);
            return topicPage(user, request, response, model, id, null, e.getMessage(), null);
        }
    }

    @PostMapping("/admin/topics/{id}/items/{article}/remove")
    String removeItem(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long article,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            curation.removeTopicItem(context.actor(user, request), id, article);
            return "redirect:/admin/topics/" + id + "?done=1";
        } catch (TopicException e) {
            response.setStatus(e instanceof TopicException.Forbidden ? 403 : 400);
            return topicPage(user, request, response, model, id, null, e.getMessage(), null);
        }
    }

    /** The topic list with the new-topic form (id null), or one topic's editor. */
    private String topicPage(StaffUser user, HttpServletRequest request, HttpServletResponse response, Model model,
                             Long id, TopicForm entered, String error, String notice) {
        Actor actor = context.actor(user, request);
        model.addAttribute("chrome", context.chrome(request));
        if (!Curation.mayCurate(actor)) {
            response.setStatus(403);
            model.addAttribute("message", "只有终审编辑和管理员可以管理首页版位和专题");
            model.addAttribute("status", 403);
            return "admin/message";
        }
        if (id == null) {
            model.addAttribute("view", new TopicsView(curation.topics(), entered, error));
            return "admin/topics";
        }
        Topic topic = curation.topic(id).orElse(null);
        if (topic == null) {
            response.setStatus(404);
            model.addAttribute("message", "没有找到这个专题");
            model.addAttribute("status", 404);
            return "admin/message";
        }
        TopicForm form = entered != null ? entered : new TopicForm(topic.slug(), topic.title(), topic.bannerUrl(),
                topic.introduction(), topic.queryTag(), topic.queryKeyword(), topic.visible());
        List<Long> items = curation.curatedItems(id);
        Map<Long, ArticleRow> rows = rows(items);
        model.addAttribute("view", new TopicEditView(topic, form, items.stream()
                .map(a -> new TopicEditView.Item(a, rows.containsKey(a) ? rows.get(a).title() : "（文章已删除）")).toList(),
                error, notice));
        return "admin/topic";
    }

    private Map<Long, ArticleRow> rows(List<Long> ids) {
        return articles.rows(ids).stream().collect(Collectors.toMap(ArticleRow::id, Function.identity(), (a, b) -> a));
    }

    private static Slot slot(String raw) {
        return Slot.parse(raw).orElseThrow(() -> new TopicException("没有这个版位"));
    }
}
