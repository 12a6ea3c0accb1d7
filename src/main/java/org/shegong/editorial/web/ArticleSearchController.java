package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.account.StaffUser;
import org.shegong.editorial.workflow.VisibleArticles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.shegong.editorial.web.ListedArticle;
import org.shegong.editorial.web.ListedArticles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleRow;
import org.shegong.content.ArticleService;
import org.shegong.content.Kind;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors' full-text search: the site's Chinese search engine over every article's newest text, drafts and
 * pending revisions included (ADR 0015). Everyone with a back-office account sees every article in the article
 * list (a contributor may open any article, read-only), so the search shows every article too; a restriction of
 * the list belongs here as the same filter.
 */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ArticleSearchController {

    private final AdminContext context;
    private final SearchEngine engine;
    private final ArticleService articles;
    private final ListedArticles listed;
    private final ColumnService columns;
    private final VisibleArticles visible;

    ArticleSearchController(AdminContext context, SearchEngine engine, ArticleService articles,
                            ListedArticles listed, ColumnService columns, VisibleArticles visible) {
        this.context = context;
        this.engine = engine;
        this.articles = articles;
        this.listed = listed;
        this.columns = columns;
        this.visible = visible;
    }

    @GetMapping("/admin/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String column,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "1") int page,
                  @AuthenticationPrincipal StaffUser user, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        Actor actor = context.actor(user, request);
        ArticleSearchView.Form form = new ArticleSearchView.Form(q, column, status, kind, sort);
        SearchResults results = SearchResults.empty("", engine.status());
        List<ArticleSearchView.Found> found = List.of();
        String error = null;
        try {
            Long columnId = column.isBlank() ? null : columns.bySlug(column).map(c -> c.id())
                    .orElseThrow(() -> new IllegalArgumentException("没有这个栏目"));
            Kind ofKind = kind.isBlank() ? null
                    : Kind.parse(kind).orElseThrow(() -> new IllegalArgumentException("稿件类型不正确"));
            String stage = status.isBlank() ? null : Arrays.stream(WorkflowState.values())
                    .filter(s -> s.name().equals(status)).findFirst().map(Enum::name)
                    .orElseThrow(() -> new IllegalArgumentException("状态不正确"));
            SearchQuery.Sort order = switch (sort) {
                case "relevance" -> SearchQuery.Sort.RELEVANCE;
                case "newest" -> SearchQuery.Sort.NEWEST;
                default -> throw new IllegalArgumentException("排序方式不正确");
            };
            if (!q.isBlank()) {
                results = engine.search(SearchQuery.editors(q, columnId, ofKind, stage, order, page)
                        .within(visible.of(actor)));
                found = found(results.hits());
            }
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            response.setStatus(400);
        }
        model.addAttribute("view", new ArticleSearchView(context.chrome(request), form, results, found,
                columns.all(), Arrays.asList(Kind.values()), error));
        return "admin/search";
    }

    /** Each hit with its list row (status, column, dates), in the engine's order. */
    private List<ArticleSearchView.Found> found(List<SearchHit> hits) {
        Map<Long, ListedArticle> byId = listed.of(articles.rows(hits.stream().map(SearchHit::articleId).toList()))
                .stream().collect(Collectors.toMap(a -> a.row().id(), Function.identity()));
        return hits.stream().filter(h -> byId.containsKey(h.articleId()))
                .map(h -> new ArticleSearchView.Found(byId.get(h.articleId()), h)).toList();
    }
}
