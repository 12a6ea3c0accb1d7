package org.shegong.search.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.StaffUser;
import org.shegong.system.audit.AuditLog;
import org.shegong.search.index.IndexMaintenance;
import org.shegong.search.index.IndexReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search index for administrators (only they reach /admin/search-index): its state, a full rebuild in the
 * background with its progress, and where the vocabulary files are that a rebuild applies.
 */
@Requires(Permission.SEARCH_INDEX)
@BackOffice
@Controller
class SearchIndexController {

    private final AdminContext context;
    private final IndexMaintenance maintenance;
    private final AuditLog audit;

    SearchIndexController(AdminContext context, IndexMaintenance maintenance, AuditLog audit) {
        this.context = context;
        this.maintenance = maintenance;
        this.audit = audit;
    }

    @GetMapping("/admin/search-index")
    String show(@RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        String notice = done == null ? null : switch (done) {
            case "started" -> "已开始重建搜索索引；重建期间搜索照常可用";
            case "running" -> "重建已在进行，未重复启动";
            default -> null;
        };
        model.addAttribute("view", new SearchIndexView(context.chrome(request), maintenance.report(), notice));
        return "admin/search-index";
    }

    /** Starts a rebuild unless one runs; only a rebuild that started is audited. */
    @PostMapping("/admin/search-index/rebuild")
    @Transactional
    String rebuild(@AuthenticationPrincipal StaffUser user, HttpServletRequest request) {
        var actor = context.actor(user, request);
        if (!maintenance.startRebuild()) {
            return "redirect:/admin/search-index?done=running";
        }
        IndexReport report = maintenance.report();
        audit.append(actor, "search-reindex", null, null, "重建搜索索引：应写入 " + report.status().total() + " 篇");
        return "redirect:/admin/search-index?done=started";
    }
}
