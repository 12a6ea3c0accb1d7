package org.shegong.search.web;

import org.shegong.search.SearchEngine;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.search.query.QueryText;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Kind;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.data.RegionLevel;
import org.shegong.system.web.BadRequestException;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class SearchController {

    private static final int ALTERNATIVES = 6;
    private static final int SUGGESTIONS = 8;
    private static final int MAX_PAGE_DIGITS = 6;

    private final SearchEngine engine;
    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final RegionDirectory regions;

    SearchController(SearchEngine engine, ChromeFactory chrome, ColumnService columns, RegionDirectory regions) {
        this.regions = regions;
        this.engine = engine;
        this.chrome = chrome;
        this.columns = columns;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q,
                  @RequestParam(name = "column", required = false) String column,
                  @RequestParam(name = "kind", required = false) String kind,
                  @RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to,
                  @RequestParam(name = "sort", required = false) String sort,
                  @RequestParam(name = "region", required = false) String region,
                  @RequestParam(name = "page", required = false) String page, Model model) {
        Column inColumn = blank(column) ? null : columns.bySlug(column.strip()).filter(Column::visible)
                .orElseThrow(() -> new BadRequestException("没有这个栏目"));
        Kind ofKind = blank(kind) ? null : kind(kind);
        LocalDate fromDay = date(from);
        LocalDate toDay = date(to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new BadRequestException("开始日期不能晚于结束日期");
        }
        SearchQuery.Sort order = sort(sort);
        int pageNumber = page(page);
        Region inRegion = blank(region) ? null : regions.find(region.strip())
                .filter(r -> r.isAdministrative() || r.level() == RegionLevel.MACRO)
                .orElseThrow(() -> new BadRequestException("没有这个地区"));
        SearchQuery query = SearchQuery.reader(q, inColumn == null ? null : inColumn.id(), ofKind, fromDay, toDay,
                order, pageNumber).inRegion(inRegion == null ? null : inRegion.code());
        SearchResults results = engine.search(query);
        if (pageNumber > 1 && pageNumber > results.pages()) {
            throw new NotFoundException("搜索结果没有第 " + pageNumber + " 页");
        }
        List<Column> navigation = columns.navigation();
        SearchView.Form form = new SearchView.Form(results.query(), inColumn == null ? "" : inColumn.slug(),
                ofKind == null ? "" : ofKind.name().toLowerCase(java.util.Locale.ROOT), fromDay == null ? "" : fromDay.toString(),
                toDay == null ? "" : toDay.toString(), order.name().toLowerCase(java.util.Locale.ROOT),
                inRegion == null ? "" : inRegion.code());
        List<String> alternatives = results.isEmpty() && !results.query().isEmpty()
                ? engine.alternatives(results.query(), ALTERNATIVES) : List.of();
        Map<Long, Column> byId = columns.all().stream().collect(Collectors.toMap(Column::id, Function.identity()));
        // Facets count what the text matches (a correction searched instead included), in any region.
        SearchEngine.RegionCounts counts = results.isEmpty() && inRegion == null ? SearchEngine.RegionCounts.NONE
                : engine.regionCounts(results.correction() != null && results.correction().applied()
                        ? query.withText(results.correction().text()) : query);
        model.addAttribute("view", new SearchView(chrome.chrome(null), form, results, byId, navigation, alternatives,
                navigation, RegionFilter.of(regions, inRegion, counts)));
        return "site/search";
    }

    @GetMapping(value = "/search/suggest", produces = "application/json")
    @ResponseBody
    ResponseEntity<SuggestResponse> suggest(@RequestParam(name = "q", required = false) String q) {
        List<SearchEngine.Suggestion> suggestions = engine.suggest(q == null ? "" : q, SUGGESTIONS);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic())
                .body(new SuggestResponse(q == null ? "" : QueryText.clean(q, 30), suggestions));
    }

    /** The JSON of {@code /search/suggest}. */
    record SuggestResponse(String q, List<SearchEngine.Suggestion> suggestions) {
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Kind kind(String raw) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(raw.strip())) {
                return k;
            }
        }
        throw new BadRequestException("没有这种文章类型");
    }

    private static LocalDate date(String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return raw.length() > 10 ? invalidDate() : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return invalidDate();
        }
    }

    private static LocalDate invalidDate() {
        throw new BadRequestException("日期格式应为 2021-08-27");
    }

    private static SearchQuery.Sort sort(String raw) {
        if (blank(raw) || raw.equals("relevance")) {
            return SearchQuery.Sort.RELEVANCE;
        }
        if (raw.equals("newest")) {
            return SearchQuery.Sort.NEWEST;
        }
        throw new BadRequestException("排序方式应为 relevance 或 newest");
    }

    private static int page(String raw) {
        if (blank(raw)) {
            return 1;
        }
        if (raw.length() > MAX_PAGE_DIGITS || !raw.chars().allMatch(Character::isDigit) || Integer.parseInt(raw) < 1) {
            throw new BadRequestException("页码应是一个正整数");
        }
        return Integer.parseInt(raw);
    }
}
