package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.shegong.column.Column;
import org.shegong.content.Kind;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: the site search (the same engine, analysis, ranking and filters as /search) as JSON.
 * Ranked results have no stable keyset, so this one list pages by number, capped like the search page.
 */
@RestController
@Tag(name = "搜索", description = "全文搜索")
class SearchApi {

    private static final int MAX_PAGE_DIGITS = 6;

    private final SearchEngine engine;
    private final ApiParams params;
    private final ApiMapping mapping;
    private final ApiResponses responses;

    SearchApi(SearchEngine engine, ApiParams params, ApiMapping mapping, ApiResponses responses) {
        this.engine = engine;
        this.params = params;
        this.mapping = mapping;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/search", produces = "application/json")
    @Operation(summary = "搜索文章", description = "与站内搜索相同：中文分词、行业词典、同义词、繁简转换、拼音和纠错；"
            + "每页 20 条，最多 50 页。")
    ResponseEntity<ApiJson.SearchResponse> search(
            @Parameter(description = "搜索词（超过 100 个字符的部分不搜索）") @RequestParam(required = false) String q,
            @Parameter(description = "栏目地址名") @RequestParam(required = false) String column,
            @Parameter(description = "类型：news、notice、infographic、policy、video、digest") @RequestParam(required = false) String kind,
            @Parameter(description = "发布日期不早于（含），如 2021-08-23") @RequestParam(required = false) String from,
            @Parameter(description = "发布日期不晚于（含）") @RequestParam(required = false) String to,
            @Parameter(description = "relevance（默认，相关度）或 newest（最新）") @RequestParam(required = false) String sort,
            @Parameter(description = "页码，从 1 开始") @RequestParam(required = false) String page) {
        Column inColumn = params.column(column);
        Kind ofKind = ApiParams.kind(kind);
        LocalDate fromDay = ApiParams.date("from", from);
        LocalDate toDay = ApiParams.date("to", to);
        ApiParams.range(fromDay, toDay);
        SearchQuery.Sort order = sort(sort);
        int number = page(page);
        SearchResults results = engine.search(SearchQuery.reader(q, inColumn == null ? null : inColumn.id(), ofKind,
                fromDay, toDay, order, number));
        if (number > 1 && number > results.pages()) {
            throw ApiProblem.notFound("搜索结果没有第 " + number + " 页（共 " + results.pages() + " 页）");
        }
        SearchResults.Correction correction = results.correction();
        return responses.ok(new ApiJson.SearchResponse(results.query(), results.total(), results.totalIsLowerBound(),
                results.page(), results.pages(), results.hits().stream().map(this::hit).toList(),
                results.partialHits().stream().map(this::hit).toList(),
                correction == null ? null : correction.text(), correction != null && correction.applied()));
    }

    private ApiJson.SearchHitJson hit(SearchHit hit) {
        return new ApiJson.SearchHitJson(hit.articleId(), hit.titleHtml(), hit.snippetHtml(),
                mapping.slug(hit.primaryColumnId()), ApiMapping.kind(hit.kind()), ApiMapping.time(hit.publishedAt()),
                SiteUrls.article(hit.articleId()));
    }

    private static SearchQuery.Sort sort(String raw) {
        String value = ApiParams.lower(raw);
        if (value == null || value.isEmpty() || value.equals("relevance")) {
            return SearchQuery.Sort.RELEVANCE;
        }
        if (value.equals("newest")) {
            return SearchQuery.Sort.NEWEST;
        }
        throw ApiProblem.invalid("sort", "sort 应是 relevance 或 newest");
    }

    private static int page(String raw) {
        if (ApiParams.blank(raw)) {
            return 1;
        }
        String text = raw.strip();
        if (text.length() > MAX_PAGE_DIGITS || !text.chars().allMatch(Character::isDigit) || Integer.parseInt(text) < 1) {
            throw ApiProblem.invalid("page", "page 应是正整数");
        }
        return Integer.parseInt(text);
    }
}
