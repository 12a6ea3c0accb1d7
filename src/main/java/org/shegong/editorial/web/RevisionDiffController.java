package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.shegong.account.StaffUser;
import org.shegong.editorial.diff.DiffHtml;
import org.shegong.editorial.diff.RevisionText;
import org.shegong.editorial.diff.TextDiff;
import org.shegong.editorial.workflow.ArticleWorkflow;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.RevisionContent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Two revisions side by side as one text per field with insertions and deletions marked, character by character. */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class RevisionDiffController {

    private final AdminContext context;
    private final ArticleWorkflow workflow;

    RevisionDiffController(AdminContext context, ArticleWorkflow workflow) {
        this.context = context;
        this.workflow = workflow;
    }

    @GetMapping("/admin/articles/{id}/revisions/{from}/diff/{to}")
    String diff(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable int from,
                @PathVariable int to, HttpServletRequest request, Model model) {
        workflow.visible(context.actor(user, request), id); // the same readers as the editor and the preview
        RevisionContent before = content(id, from);
        RevisionContent after = content(id, to);
        List<RevisionDiffView.Field> fields = new ArrayList<>();
        field(fields, "标题", before, after, RevisionContent::title);
        field(fields, "副标题", before, after, RevisionContent::subtitle);
        field(fields, "摘要", before, after, RevisionContent::summary);
        field(fields, "正文", before, after, c -> RevisionText.of(c.bodyHtml()));
        field(fields, "来源", before, after, RevisionContent::source);
        field(fields, "作者", before, after, RevisionContent::author);
        field(fields, "标签", before, after, c -> String.join("、", c.tags()));
        model.addAttribute("view", new RevisionDiffView(context.chrome(request), id, from, to, fields));
        return "admin/revision-diff";
    }

    /** Saved revisions only: "revision 0" is the public row, which changes with each publication. */
    private RevisionContent content(long id, int number) {
        if (number < 1) {
            throw new EditorialException(EditorialException.Kind.NOT_FOUND, "没有第 " + number + " 版");
        }
        return workflow.content(id, number);
    }

    private static void field(List<RevisionDiffView.Field> fields, String label, RevisionContent before,
                              RevisionContent after, Function<RevisionContent, String> value) {
        List<TextDiff.Segment> diff = TextDiff.diff(value.apply(before), value.apply(after));
        String html = DiffHtml.render(diff); // every character of the texts is escaped there
        Content content = output -> output.writeContent(html);
        fields.add(new RevisionDiffView.Field(label, TextDiff.changed(diff), content));
    }
}
