package org.shegong.column;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.StaffUser;
import org.shegong.account.Actor;
import org.shegong.system.audit.AuditLog;
import org.shegong.column.ReviewLevels;
import org.shegong.column.Column;
import org.shegong.column.ColumnAdminService;
import org.shegong.column.ColumnChangeException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Column management for administrators (/admin/columns/** is administrator-only). Each change and its audit
 * entry commit together.
 */
@Requires(Permission.COLUMNS)
@BackOffice
@Controller
class ColumnsController {

    private final AdminContext context;
    private final ColumnAdminService columns;
    private final ReviewLevels reviewLevels;
    private final AuditLog audit;

    ColumnsController(AdminContext context, ColumnAdminService columns, ReviewLevels reviewLevels, AuditLog audit) {
        this.context = context;
        this.columns = columns;
        this.reviewLevels = reviewLevels;
        this.audit = audit;
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
    @Transactional
    String add(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) Long parent,
               @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String description, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        try {
            long id = columns.add(parent, slug, name, description);
            audit(user, request, "column-add", id, "“" + name.strip() + "”（" + slug.strip() + "）");
            return "redirect:/admin/columns?done=1";
        } catch (ColumnChangeException e) {
            response.setStatus(e.isNotFound() ? 404 : 400);
            return page(model, request, null, e.getMessage(), null, parent, slug, name, description);
        }
    }

    @PostMapping("/admin/columns/{id}")
    @Transactional
    String rename(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        ColumnRow row = row(id);
        try {
            columns.rename(id, slug, name, description);
            audit(user, request, "column-edit", id, "“" + row.column().name() + "”改为“" + name.strip() + "”（"
                    + slug.strip() + "）");
            return "redirect:/admin/columns?done=1";
        } catch (ColumnChangeException e) {
            response.setStatus(400);
            return page(model, request, row, e.getMessage(), null, row.column().parentId(), slug, name, description);
        }
    }

    @PostMapping("/admin/columns/{id}/{direction:up|down}")
    @Transactional
    String shift(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable String direction,
                 HttpServletRequest request) {
        boolean up = direction.equals("up");
        if (columns.shift(id, up)) {
            audit(user, request, "column-order", id, "“" + row(id).column().name() + "”" + (up ? "上移" : "下移"));
        }
        return "redirect:/admin/columns?done=1";
    }

    @PostMapping("/admin/columns/{id}/move")
    @Transactional
    String move(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) Long parent, HttpServletRequest request) {
        columns.move(id, parent);
        String to = parent == null ? "顶级" : "“" + row(parent).column().name() + "”之下";
        audit(user, request, "column-move", id, "“" + row(id).column().name() + "”移到" + to);
        return "redirect:/admin/columns?done=1";
    }

    @PostMapping("/admin/columns/{id}/visibility")
    @Transactional
    String visibility(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam boolean visible,
                      HttpServletRequest request) {
        columns.setVisible(id, visible);
        audit(user, request, "column-visibility", id, "“" + row(id).column().name() + "”" + (visible ? "显示" : "隐藏"));
        return "redirect:/admin/columns?done=1";
    }

    @PostMapping("/admin/columns/{id}/review-levels")
    @Transactional
    String reviewLevels(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam int levels,
                        @RequestParam(required = false) String separation, HttpServletRequest request) {
        ColumnRow row = row(id);
        reviewLevels.set(id, levels);
        String change = row.reviewLevels() + " 级改为 " + levels + " 级";
        if (separation != null) {
            if (!separation.equals("on") && !separation.equals("off")) {
                throw ColumnChangeException.invalid("审核人设置不正确");
            }
            boolean onePerPerson = separation.equals("on");
            reviewLevels.setOneLevelPerPerson(id, onePerPerson);
            if (onePerPerson != row.oneLevelPerPerson()) {
                change += "，" + (onePerPerson ? "每级须由不同的人审核" : "同一人可通过多级审核");
            }
        }
        audit(user, request, "review-levels", id, "“" + row.column().name() + "”：" + change);
        return "redirect:/admin/columns?done=1";
    }

    private void audit(StaffUser user, HttpServletRequest request, String action, long columnId, String comment) {
        Actor actor = context.actor(user, request);
        audit.append(actor, action, null, null, "栏目 #" + columnId + " " + comment);
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
