package org.shegong.editorial.web;

import org.shegong.system.web.AdminUrls;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.shegong.account.StaffUser;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.EditConflictException;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.RestoreRevisionAction;
import org.shegong.editorial.workflow.RevisionContent;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.region.RegionChoices;
import org.shegong.region.RegionInputException;
import org.shegong.site.ArticleViews;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Writing: the editor form, saving revisions (with conflict detection), restoring one, and the preview. */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ArticleEditController {

    private final AdminContext context;
    private final ArticleEditor editor;
    private final SaveRevisionAction save;
    private final RestoreRevisionAction restore;
    private final ArticleWorkflow workflow;
    private final ArticleViews articleViews;
    private final ColumnService columns;
    private final Clock clock;
    private final RegionChoices regionChoices;

    ArticleEditController(AdminContext context, ArticleEditor editor, SaveRevisionAction save,
                          RestoreRevisionAction restore, ArticleWorkflow workflow, ArticleViews articleViews,
                          ColumnService columns, Clock clock, RegionChoices regionChoices) {
        this.regionChoices = regionChoices;
        this.context = context;
        this.editor = editor;
        this.save = save;
        this.restore = restore;
        this.workflow = workflow;
        this.articleViews = articleViews;
        this.columns = columns;
        this.clock = clock;
    }

    @GetMapping("/admin/articles/new")
    String newArticle(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        Actor actor = context.actor(user, request);
        ArticleForm form = new ArticleForm();
        List<Column> writable = editor.writable(actor, List.of());
        if (writable.isEmpty()) {
            throw new EditorialException(EditorialException.Kind.FORBIDDEN, "您在任何栏目都没有撰写稿件的权限，请联系管理员");
        }
        form.setPrimaryColumn(writable.get(0).id());
        model.addAttribute("view", editor.blank(context.chrome(request), actor, form, null));
        return "admin/edit";
    }

    @PostMapping("/admin/articles")
    String create(@AuthenticationPrincipal StaffUser user, @ModelAttribute ArticleForm form,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = context.actor(user, request);
        try {
            regionChoices.parse(form.getRegions());
            long id = save.create(actor, form.toContent());
            regionChoices.apply(id, form.getRegions(), form.getRegionsShown());
            return "redirect:" + AdminUrls.done(id, "create");
        } catch (RegionInputException e) {
            response.setStatus(400);
            model.addAttribute("view", editor.blank(context.chrome(request), actor, form, e.getMessage()));
            return "admin/edit";
        } catch (EditorialException e) {
            response.setStatus(e.kind() == EditorialException.Kind.FORBIDDEN ? 403 : 400);
            model.addAttribute("view", editor.blank(context.chrome(request), actor, form, e.getMessage()));
            return "admin/edit";
        }
    }

    @GetMapping("/admin/articles/{id}")
    String edit(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        Actor actor = context.actor(user, request);
        String notice = done == null ? null : Notices.of(done);
        model.addAttribute("view", editor.existing(context.chrome(request), actor, id, null, null, notice, null));
        return "admin/edit";
    }

    @PostMapping("/admin/articles/{id}")
    String saveRevision(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                        @ModelAttribute ArticleForm form, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
        Actor actor = context.actor(user, request);
        try {
            regionChoices.parse(form.getRegions());
            save.save(actor, id, form.getBase(), form.toContent(), form.getNote());
            regionChoices.apply(id, form.getRegions(), form.getRegionsShown());
            return "redirect:" + AdminUrls.done(id, "save");
        } catch (RegionInputException e) {
            response.setStatus(400);
            model.addAttribute("view", editor.existing(context.chrome(request), actor, id, form, e.getMessage(), null,
                    null));
            return "admin/edit";
        } catch (EditConflictException e) {
            response.setStatus(409);
            if (e.theirs() != null) {
                form.setBase(e.theirs().number());
            }
            model.addAttribute("view", editor.existing(context.chrome(request), actor, id, form, e.getMessage(), null,
                    e.theirs()));
            return "admin/edit";
        } catch (EditorialException e) {
            if (e.kind() != EditorialException.Kind.INVALID) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("view", editor.existing(context.chrome(request), actor, id, form, e.getMessage(), null,
                    null));
            return "admin/edit";
        }
    }

    @PostMapping("/admin/articles/{id}/revisions/{number}/restore")
    String restoreRevision(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable int number,
                           @RequestParam int base, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        Actor actor = context.actor(user, request);
        try {
            restore.restore(actor, id, number, base);
            return "redirect:" + AdminUrls.done(id, "restore");
        } catch (EditConflictException e) {
            response.setStatus(409);
            model.addAttribute("view", editor.existing(context.chrome(request), actor, id, null, e.getMessage(), null,
                    null));
            return "admin/edit";
        }
    }

    /** The revision rendered by the public article template, as readers will see it once published. */
    @GetMapping("/admin/articles/{id}/preview")
    String preview(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                   @RequestParam(required = false) Integer revision, HttpServletRequest request, Model model) {
        Actor actor = context.actor(user, request);
        WorkflowRecord record = workflow.visible(actor, id);
        int number = revision != null ? revision : record.latestRevision();
        RevisionContent c = workflow.content(id, number);
        Article article = c.toArticle(id, ArticleStatus.LIVE, c.publishedAt() != null ? c.publishedAt()
                : clock.instant(), clock.instant());
        model.addAttribute("view", articleViews.build(article, 0));
        return ArticleViews.TEMPLATE;
    }
}
