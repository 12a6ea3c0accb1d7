package org.shegong.search.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.account.AdminContext;
import org.shegong.account.StaffUser;
import org.shegong.search.analysis.EditorVocabulary;
import org.shegong.search.analysis.EditorVocabulary.Kind;
import org.shegong.search.index.IndexMaintenance;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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
    private final ChangeVocabularyAction change;

    VocabularyController(AdminContext context, EditorVocabulary vocabulary, IndexMaintenance maintenance,
                         ChangeVocabularyAction change) {
        this.context = context;
        this.vocabulary = vocabulary;
        this.maintenance = maintenance;
        this.change = change;
    }

    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return page(request, model, null, notice(done));
    }

    @PostMapping(PAGE + "/words")
    String addWords(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String words,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            change.addWords(context.actor(user, request), words);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, e.getMessage(), null);
        }
        maintenance.applyDictionary();
        return "redirect:" + PAGE + "?done=words";
    }

    @PostMapping(PAGE + "/synonyms")
    String addSynonyms(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String groups,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            change.addSynonyms(context.actor(user, request), groups);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(request, model, e.getMessage(), null);
        }
        maintenance.applySynonyms();
        return "redirect:" + PAGE + "?done=synonyms";
    }

    @PostMapping(PAGE + "/delete")
    String delete(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String entry, HttpServletRequest request) {
        Kind which = "word".equals(kind) ? Kind.WORD : "synonyms".equals(kind) ? Kind.SYNONYMS : null;
        if (which == null) {
            throw new Refusal(Refusal.Kind.INVALID, "没有这种词条");
        }
        if (change.remove(context.actor(user, request), which, entry)) {
            if (which == Kind.WORD) {
                maintenance.applyDictionary();
            } else {
                maintenance.applySynonyms();
            }
        }
        return "redirect:" + PAGE + "?done=" + (which == Kind.WORD ? "words" : "synonyms");
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

}
