package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/regions}: the administrative divisions the articles are tagged with, one level at a time. */
@RestController
@Tag(name = "地区", description = "行政区划（GB/T 2260）")
class RegionsApi {

    private final RegionDirectory directory;
    private final ApiResponses responses;

    RegionsApi(RegionDirectory directory, ApiResponses responses) {
        this.directory = directory;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/regions", produces = "application/json")
    @Operation(summary = "地区列表", description = "不带 parent：全国和各省级行政区；带 parent：该地区的下一级"
            + "（省的地级市、市的区县，大区的省份）。代码可用作 articles 的 region 参数。")
    ResponseEntity<ApiJson.RegionList> regions(
            @Parameter(description = "上级地区代码，如 210000") @RequestParam(required = false) String parent) {
        List<Region> found;
        if (ApiParams.blank(parent)) {
            found = new java.util.ArrayList<>();
            directory.find(Region.NATION).ifPresent(found::add);
            found.addAll(directory.provinces());
        } else {
            String code = parent.strip();
            if (code.length() > 16 || directory.find(code).isEmpty()) {
                throw ApiProblem.invalid("parent", "没有这个地区代码：" + ApiParams.shorten(parent));
            }
            found = directory.children(code);
        }
        return responses.ok(new ApiJson.RegionList(found.stream().map(RegionsApi::json).toList()));
    }

    static ApiJson.RegionJson json(Region region) {
        return new ApiJson.RegionJson(region.code(), region.name(), region.shortName(),
                region.level().name().toLowerCase(Locale.ROOT), region.parentCode());
    }
}
