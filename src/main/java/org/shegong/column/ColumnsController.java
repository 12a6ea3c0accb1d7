package org.shegong.column;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Column management for administrators. The page only shows and dispatches: each change is an action class
 * that checks, writes and audits in one transaction.
 */
@Requires(Permission.COLUMNS)
@BackOffice
@Controller
class ColumnsController {

    private static final String DONE = "redirect:/admin/columns?done=1";

    private final AdminContext context;
    private final ColumnAdminService columns;
    private final ReviewLevels reviewLevels;
    private final AddColumnAction add;
    private final EditColumnAction edit;
    private final ShiftColumnAction shift;
    private final MoveColumnAction move;
    private final ColumnVisibilityAction visibility;
    private final ReviewLevelsAction reviewLevelsAction;

    ColumnsController(AdminContext context, ColumnAdminService columns, ReviewLevels reviewLevels,
                      AddColumnAction add, EditColumnAction edit, ShiftColumnAction shift, MoveColumnAction move,
                      ColumnVisibilityAction visibility, ReviewLevelsAction reviewLevelsAction) {
        this.context = context;
        this.columns = columns;
        this.reviewLevels = reviewLevels;
        this.add = add;
        this.edit = edit;
        this.shift = shift;
        this.move = move;
        this.visibility = visibility;
        this.reviewLevelsAction = reviewLevelsAction;
    }

    @GetMapping("/admin/columns")
    String list(@RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return page(model, request, null, done == null ? null : "栏目已更新", null, null, null, null, null);
    }

    @GetMapping("/admin/columns/{id}")
    String edit(@PathVariable long id, HttpServletRequest request, Model model) {
        ColumnRow row = row(id);
        Column c = row.column();
        return page(model, request, row, null, null, c.parentId(), c.slug(), c.name(), c.description());
    }

    @PostMapping("/admin/columns")
    String add(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) Long parent,
               @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String description, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        try {
            add.add(context.actor(user, request), parent, slug, name, description);
            return DONE;
        } catch (ColumnChangeException e) {
            response.setStatus(e.isNotFound() ? 404 : 400);
            return page(model, request, null, e.getMessage(), null, parent, slug, name, description);
        }
    }

    @PostMapping("/admin/columns/{id}")
    String rename(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        ColumnRow row = row(id);
        try {
            edit.edit(context.actor(user, request), id, slug, name, description);
            return DONE;
        } catch (ColumnChangeException e) {
            response.setStatus(400);
            return page(model, request, row, e.getMessage(), null, row.column().parentId(), slug, name, description);
        }
    }

    @PostMapping("/admin/columns/{id}/{direction:up|down}")
    String shift(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable String direction,
                 HttpServletRequest request) {
        shift.shift(context.actor(user, request), id, direction.equals("up"));
        return DONE;
    }

    @PostMapping("/admin/columns/{id}/move")
    String move(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) Long parent, HttpServletRequest request) {
        move.move(context.actor(user, request), id, parent);
        return DONE;
    }

    @PostMapping("/admin/columns/{id}/visibility")
    String visibility(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam boolean visible,
                      HttpServletRequest request) {
        visibility.setVisible(context.actor(user, request), id, visible);
        return DONE;
    }

    @PostMapping("/admin/columns/{id}/review-levels")
    String reviewLevels(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam int levels,
                        @RequestParam(required = false) String separation, HttpServletRequest request) {
        reviewLevelsAction.set(context.actor(user, request), id, levels, separation);
        return DONE;
    }

    private List<ColumnRow> rows() {
        return columns.tree().stream()
                .map(p -> {
                    ReviewRules rules = reviewLevels.rules(p.column().id());
                    return new ColumnRow(p.column(), p.depth(), rules.levels(), rules.oneLevelPerPerson());
                }).toList();
    }

    private ColumnRow row(long id) {
        return rows().stream().filter(r -> r.column().id() == id).findFirst()
                .orElseThrow(ColumnChangeException::missing);
    }

    private String page(Model model, HttpServletRequest request, ColumnRow editing, String error, String notice,
                        Long parent, String slug, String name, String description) {
        model.addAttribute("view", new ColumnsView(context.chrome(request), rows(), editing, error, notice, parent,
                slug, name, description));
        return "admin/columns";
    }
}
