package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Kind;
import org.shegong.content.LiveArticles;
import org.shegong.content.PublishedItem;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.RegionDirectory;
import org.shegong.system.Times;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles}: live articles, newest first, filtered and paged by keyset cursor. With a region the
 * region's own listing drives the walk (ids in listing order, then the other filters on each batch); a page may
 * then hold fewer than {@code limit} items while {@code next_cursor} still says there is more, so a selective
 * filter never makes one request scan the whole archive.
 */
@RestController
@Tag(name = "文章", description = "已发布的文章")
class ArticlesApi {

    /** Region listing rows read per batch, and at most per request, when a region drives the walk. */
    private static final int REGION_BATCH = 200;
    private static final int REGION_SCAN = 2_000;

    private final LiveArticles live;
    private final RegionTagging regions;
    private final RegionDirectory directory;
    private final ColumnService columns;
    private final ApiParams params;
    private final ApiMapping mapping;
    private final ApiResponses responses;

    ArticlesApi(LiveArticles live, RegionTagging regions, RegionDirectory directory, ColumnService columns,
                ApiParams params, ApiMapping mapping, ApiResponses responses) {
        this.live = live;
        this.regions = regions;
        this.directory = directory;
        this.columns = columns;
        this.params = params;
        this.mapping = mapping;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/articles", produces = "application/json")
    @Operation(summary = "文章列表", description = "已发布的文章，发布时间新的在前；用上一页的 next_cursor 取下一页（不用页码）。"
            + "列表不含正文，正文见 /api/v1/articles/{id}。")
    ResponseEntity<ApiJson.ArticlePage> list(
            @Parameter(description = "栏目地址名（含其可见子栏目），如 news") @RequestParam(required = false) String column,
            @Parameter(description = "地区代码（含其下级），如 210000 辽宁省；见 /api/v1/regions") @RequestParam(required = false) String region,
            @Parameter(description = "类型：news、notice、infographic、policy、video、digest") @RequestParam(required = false) String kind,
            @Parameter(description = "标签（完整的标签名）") @RequestParam(required = false) String tag,
            @Parameter(description = "发布日期不早于（含），如 2021-08-23，中国标准时间") @RequestParam(required = false) String from,
            @Parameter(description = "发布日期不晚于（含），如 2021-08-29") @RequestParam(required = false) String to,
            @Parameter(description = "上一页响应中的 next_cursor") @RequestParam(required = false) String cursor,
            @Parameter(description = "每页条数，1–100，默认 20") @RequestParam(required = false) String limit) {
        Column inColumn = params.column(column);
        String regionCode = regionCode(region);
        Kind ofKind = ApiParams.kind(kind);
        String ofTag = ApiParams.tag(tag);
        LocalDate fromDay = ApiParams.date("from", from);
        LocalDate toDay = ApiParams.date("to", to);
        ApiParams.range(fromDay, toDay);
        ApiCursor after = ApiCursor.parse(cursor);
        int size = params.limit(limit);
        LiveArticles.Filter filter = new LiveArticles.Filter(inColumn == null ? null : withChildren(inColumn), ofKind,
                ofTag, fromDay == null ? null : fromDay.atStartOfDay(Times.CHINA).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(Times.CHINA).toInstant(), null);
        Page page = regionCode == null ? plain(filter, after, size) : inRegion(regionCode, filter, after, size);
        return responses.ok(new ApiJson.ArticlePage(page.items.stream().map(mapping::item).toList(),
                page.next == null ? null : page.next.encode(), size));
    }

    private Page plain(LiveArticles.Filter filter, ApiCursor after, int size) {
        // One more than asked says whether a next page exists without a count.
        List<PublishedItem> found = live.page(filter, position(after), size + 1);
        if (found.size() <= size) {
            return new Page(found, null);
        }
        List<PublishedItem> items = found.subList(0, size);
        PublishedItem last = items.get(size - 1);
        return new Page(items, new ApiCursor(last.publishedAt(), last.id()));
    }

    private Page inRegion(String code, LiveArticles.Filter filter, ApiCursor after, int size) {
        List<PublishedItem> items = new ArrayList<>();
        ApiCursor scanned = after;
        int budget = REGION_SCAN;
        while (budget > 0) {
            List<RegionTagging.Listed> batch = regions.listedAfter(code, scanned == null ? null : scanned.at(),
                    scanned == null ? 0 : scanned.id(), REGION_BATCH);
            if (batch.isEmpty()) {
                return new Page(items, null);
            }
            budget -= batch.size();
            List<Long> ids = batch.stream().map(RegionTagging.Listed::articleId).toList();
            LiveArticles.Filter narrowed = new LiveArticles.Filter(filter.columnIds(), filter.kind(), filter.tag(),
                    filter.from(), filter.until(), ids);
            for (PublishedItem item : live.page(narrowed, null, REGION_BATCH)) {
                items.add(item);
                if (items.size() == size) {
                    return new Page(items, new ApiCursor(item.publishedAt(), item.id()));
                }
            }
            RegionTagging.Listed last = batch.get(batch.size() - 1);
            scanned = new ApiCursor(last.publishedAt(), last.articleId());
            if (batch.size() < REGION_BATCH) {
                return new Page(items, null);
            }
        }
        return new Page(items, scanned);
    }

    private String regionCode(String raw) {
        if (ApiParams.blank(raw)) {
            return null;
        }
        String code = raw.strip();
        if (code.length() > 16 || directory.find(code).isEmpty()) {
            throw ApiProblem.invalid("region", "没有这个地区代码：" + ApiParams.shorten(raw) + "（见 /api/v1/regions）");
        }
        return code;
    }

    private List<Long> withChildren(Column column) {
        List<Long> ids = new ArrayList<>(List.of(column.id()));
        var children = columns.visibleChildren();
        for (int i = 0; i < ids.size() && i < 1_000; i++) {
            children.getOrDefault(ids.get(i), List.of()).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    private static LiveArticles.Position position(ApiCursor cursor) {
        return cursor == null ? null : new LiveArticles.Position(cursor.at(), cursor.id());
    }

    private record Page(List<PublishedItem> items, ApiCursor next) {
    }
}
