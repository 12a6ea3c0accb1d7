package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;
import org.shegong.account.Actor;
import org.shegong.account.StaffUser;
import org.shegong.editorial.workflow.VisibleArticles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleFilter;
import org.shegong.content.ArticleRow;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.region.RegionChoices;
import org.shegong.region.RegionInputException;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.Region;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** All articles, any status: filters, title search, and seek paging ("下一页") that costs the same at any depth. */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ArticleListController {

    static final int PAGE_SIZE = 30;
    /** Editorial queues are short; more than this many articles in one state is not a queue any more. */
    private static final int QUEUE_LIMIT = 5000;

    private final AdminContext context;
    private final ArticleService articles;
    private final WorkflowRepository workflows;
    private final ListedArticles listed;
    private final ColumnService columns;
    private final VisibleArticles visible;
    private final RegionChoices regionChoices;
    private final RegionTagging regions;

    ArticleListController(AdminContext context, ArticleService articles, WorkflowRepository workflows,
                          ListedArticles listed, ColumnService columns, VisibleArticles visible,
                          RegionChoices regionChoices, RegionTagging regions) {
        this.regionChoices = regionChoices;
        this.regions = regions;
        this.context = context;
        this.articles = articles;
        this.workflows = workflows;
        this.listed = listed;
        this.columns = columns;
        this.visible = visible;
    }

    @GetMapping("/admin/articles")
    String list(@RequestParam(defaultValue = "") String column, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String author,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String after,
                @RequestParam(defaultValue = "") String region,
                @AuthenticationPrincipal StaffUser user, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Actor actor = context.actor(user, request);
        String error = null;
        List<ArticleRow> rows = List.of();
        String next = null;
        try {
            Long columnId = column.isBlank() ? null : columns.bySlug(column).map(c -> c.id())
                    .orElseThrow(() -> new IllegalArgumentException("没有这个栏目"));
            Kind parsedKind = kind.isBlank() ? null : Kind.parse(kind).orElseThrow(() -> new IllegalArgumentException("稿件类型不正确"));
            ArticleStatus articleStatus = null;
            Collection<Long> ids = null;
            if (!status.isBlank()) {
                WorkflowState state = Arrays.stream(WorkflowState.values()).filter(s -> s.name().equals(status))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("状态不正确"));
                switch (state) {
                    case LIVE -> articleStatus = ArticleStatus.LIVE;
                    case WITHDRAWN -> articleStatus = ArticleStatus.WITHDRAWN;
                    default -> ids = workflows.idsInState(state, QUEUE_LIMIT);
                }
            }
            ids = inRegion(region, ids);
            ArticleFilter filter = new ArticleFilter(columnId, articleStatus, parsedKind, author, q,
                    AdminDates.dayStart(from, 0), AdminDates.dayStart(to, 1), ids, ArticleFilter.Cursor.parse(after))
                    .within(visible.of(actor));
            rows = articles.search(filter, PAGE_SIZE + 1);
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                next = UriComponentsBuilder.fromPath("/admin/articles").queryParam("column", column)
                        .queryParam("status", status).queryParam("kind", kind).queryParam("author", author)
                        .queryParam("q", q).queryParam("from", from).queryParam("to", to).queryParam("region", region)
                        .queryParam("after", rows.get(PAGE_SIZE - 1).cursor().encode()).encode().build().toUriString();
            }
        } catch (IllegalArgumentException | RegionInputException e) {
            error = e.getMessage();
            response.setStatus(400);
        }
        model.addAttribute("view", new ArticleListView(context.chrome(request), listed.of(rows), columns.all(),
                Arrays.asList(Kind.values()), column, status, kind, author, q, from, to, region, next, error));
        return "admin/articles";
    }

    /**
     * The articles tagged with the region typed (a name, a path or a code; one place) or a place under it, within
     * {@code ids} when those are given; null (no restriction) for an empty field.
     */
    private Collection<Long> inRegion(String typed, Collection<Long> ids) {
        if (typed.isBlank()) {
            return ids;
        }
        List<Region> chosen = regionChoices.parse(typed);
        if (chosen.size() != 1) {
            throw new RegionInputException("地区筛选只能填写一个地区");
        }
        List<Long> tagged = regions.articlesUnder(chosen.get(0).code(), QUEUE_LIMIT);
        return ids == null ? tagged : tagged.stream().filter(new java.util.HashSet<>(ids)::contains).toList();
    }

}
