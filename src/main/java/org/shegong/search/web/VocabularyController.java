package org.shegong.search.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.Actor;
import org.shegong.account.AdminContext;
import org.shegong.account.Role;
import org.shegong.account.StaffUser;
import org.shegong.search.analysis.EditorVocabulary;
import org.shegong.search.analysis.EditorVocabulary.Kind;
import org.shegong.search.index.IndexMaintenance;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 搜索词典 ({@code /admin/search-vocabulary}): administrators and chief editors add and remove dictionary words and
 * synonym groups, audited as {@code search-vocabulary}. A synonym change applies to queries at once; a dictionary
 * change starts a rebuild in the background while the old index keeps answering.
 */
@BackOffice
@Requires(Permission.SEARCH_VOCABULARY)
@Controller
class VocabularyController {

    private static final String PAGE = "/admin/search-vocabulary";

    private final AdminContext context;
    private final EditorVocabulary vocabulary;
    private final IndexMaintenance maintenance;
    private final AuditLog audit;

    VocabularyController(AdminContext context, EditorVocabulary vocabulary, IndexMaintenance maintenance,
                         AuditLog audit) {
        this.context = context;
        this.vocabulary = vocabulary;
        this.maintenance = maintenance;
        this.audit = audit;
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String done,
                HttpServletRequest request, Model model) {
        allowed(user, request);
        return page(request, model, null, notice(done));
    }

    @PostMapping(PAGE + "/words")
    @Transactional
    String addWords(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String words,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = allowed(user, request);
        try {
            int added = vocabulary.addWords(words, actor.userId());
            audit.append(actor, "search-vocabulary", null, null, "词典新增 " + added + " 个：" + abbreviate(words));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, e.getMessage(), null);
        }
        maintenance.applyDictionary();
        return "redirect:" + PAGE + "?done=words";
    }

    @PostMapping(PAGE + "/synonyms")
    @Transactional
    String addSynonyms(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String groups,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = allowed(user, request);
        try {
            int added = vocabulary.addGroups(groups, actor.userId());
            audit.append(actor, "search-vocabulary", null, null, "同义词新增 " + added + " 组：" + abbreviate(groups));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, e.getMessage(), null);
        }
        maintenance.applySynonyms();
        return "redirect:" + PAGE + "?done=synonyms";
    }

    @PostMapping(PAGE + "/delete")
    @Transactional
    String delete(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String entry, HttpServletRequest request) {
        Actor actor = allowed(user, request);
        Kind which = "word".equals(kind) ? Kind.WORD : "synonyms".equals(kind) ? Kind.SYNONYMS : null;
        if (which == null) {
            throw new Refusal(Refusal.Kind.INVALID, "没有这种词条");
        }
        if (vocabulary.remove(which, entry)) {
            audit.append(actor, "search-vocabulary", null, null,
                    (which == Kind.WORD ? "词典删除：" : "同义词删除：") + entry);
            if (which == Kind.WORD) {
                maintenance.applyDictionary();
            } else {
                maintenance.applySynonyms();
            }
        }
        return "redirect:" + PAGE + "?done=" + (which == Kind.WORD ? "words" : "synonyms");
    }

    private Actor allowed(StaffUser user, HttpServletRequest request) {
        Actor actor = context.actor(user, request);
        if (!actor.administrator() && actor.grants().stream().noneMatch(g -> g.role() == Role.CHIEF_EDITOR)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "只有管理员和终审可以维护搜索词典");
        }
        return actor;
    }

    private String page(HttpServletRequest request, Model model, String error, String notice) {
        model.addAttribute("page", new VocabularyPage(context.chrome(request), vocabulary.all(Kind.WORD),
                vocabulary.all(Kind.SYNONYMS), maintenance.report().lexiconWords(), error, notice));
        return "admin/search-vocabulary";
    }

    private static String notice(String done) {
        if ("words".equals(done)) {
            return "词典已更新。索引正在后台重建，完成前搜索继续使用原索引。";
        }
        if ("synonyms".equals(done)) {
            return "同义词已更新，搜索立即生效。";
        }
        return null;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " / ");
        return flat.length() <= 500 ? flat : flat.substring(0, 500) + "…";
    }
}
