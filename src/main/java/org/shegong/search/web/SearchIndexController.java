package org.shegong.search.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.StaffUser;
import org.shegong.search.index.IndexMaintenance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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
    private final RebuildSearchIndexAction rebuild;

    SearchIndexController(AdminContext context, IndexMaintenance maintenance, RebuildSearchIndexAction rebuild) {
        this.context = context;
        this.maintenance = maintenance;
        this.rebuild = rebuild;
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
    String rebuild(@AuthenticationPrincipal StaffUser user, HttpServletRequest request) {
        return "redirect:/admin/search-index?done=" + (rebuild.rebuild(context.actor(user, request)) ? "started" : "running");
    }
}
