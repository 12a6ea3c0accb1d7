package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestEntry;
import org.shegong.digest.DigestProperties;
import org.shegong.digest.DigestService;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/digests}: the published weekly digests (社会工作一周动态) with their sections and entries; drafts
 * are never shown. The cursor carries (window end, id) as an instant at UTC midnight and the id.
 */
@RestController
@Tag(name = "一周动态", description = "社会工作一周动态")
class DigestsApi {

    private final DigestService digests;
    private final DigestProperties properties;
    private final ApiParams params;
    private final ApiResponses responses;

    DigestsApi(DigestService digests, DigestProperties properties, ApiParams params, ApiResponses responses) {
        this.digests = digests;
        this.properties = properties;
        this.params = params;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/digests", produces = "application/json")
    @Operation(summary = "一周动态列表", description = "已发布的一周动态，结束日新的在前，含各节条目；用 next_cursor 翻页。")
    ResponseEntity<ApiJson.DigestPage> list(
            @Parameter(description = "上一页响应中的 next_cursor") @RequestParam(required = false) String cursor,
            @Parameter(description = "每页条数，1–100，默认 20") @RequestParam(required = false) String limit) {
        ApiCursor after = ApiCursor.parse(cursor);
        int size = params.limit(limit);
        LocalDate afterDay = after == null ? null : LocalDate.ofInstant(after.at(), ZoneOffset.UTC);
        List<Digest> found = digests.published(afterDay, after == null ? 0 : after.id(), size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            Digest last = found.get(size - 1);
            next = new ApiCursor(last.window().to().atStartOfDay(ZoneOffset.UTC).toInstant(), last.id()).encode();
        }
        return responses.ok(new ApiJson.DigestPage(found.stream().map(this::json).toList(), next, size));
    }

    @GetMapping(value = "/api/v1/digests/{id}", produces = "application/json")
    @Operation(summary = "一期一周动态", description = "未发布或不存在的为 404。")
    ResponseEntity<ApiJson.DigestJson> one(@Parameter(description = "一周动态编号") @PathVariable String id) {
        Digest digest = digests.findDigest(ApiParams.id("id", id)).filter(d -> !d.isDraft())
                .orElseThrow(() -> ApiProblem.notFound("没有找到这期一周动态"));
        return responses.ok(json(digest));
    }

    private ApiJson.DigestJson json(Digest digest) {
        Map<String, List<ApiJson.DigestEntryJson>> bySection = new LinkedHashMap<>();
        for (DigestEntry entry : digests.entries(digest.id())) {
            bySection.computeIfAbsent(entry.sectionKey(), k -> new ArrayList<>()).add(new ApiJson.DigestEntryJson(
                    entry.articleId(), entry.title(), entry.summary(), SiteUrls.article(entry.articleId())));
        }
        List<ApiJson.DigestSectionJson> sections = new ArrayList<>();
        for (DigestProperties.Section section : properties.sections()) {
            List<ApiJson.DigestEntryJson> entries = bySection.remove(section.key());
            if (entries != null) {
                sections.add(new ApiJson.DigestSectionJson(section.key(), section.title(), entries));
            }
        }
        // Entries of a section since removed from the settings are still shown, under their key.
        bySection.forEach((key, entries) -> sections.add(new ApiJson.DigestSectionJson(key, key, entries)));
        return new ApiJson.DigestJson(digest.id(), digest.window().title(), digest.window().from(),
                digest.window().to(), ApiMapping.time(digest.publishedAt()), digest.articleId(),
                SiteUrls.article(digest.articleId()), digest.introduction(), sections);
    }
}
