package org.shegong.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/columns}: the visible column tree, as the navigation and 网站地图 show it. */
@RestController
@Tag(name = "栏目", description = "栏目树")
class ColumnsApi {

    private static final int MAX_DEPTH = 16;

    private final ColumnService columns;
    private final ApiResponses responses;

    ColumnsApi(ColumnService columns, ApiResponses responses) {
        this.columns = columns;
        this.responses = responses;
    }

    @GetMapping(value = "/api/v1/columns", produces = "application/json")
    @Operation(summary = "栏目树", description = "读者可见的栏目，按导航顺序；子栏目在 children 中。")
    ResponseEntity<ApiJson.ColumnTree> tree() {
        Map<Long, List<Column>> children = columns.visibleChildren();
        return responses.ok(new ApiJson.ColumnTree(columns.navigation().stream()
                .map(c -> node(c, children, 0)).toList()));
    }

    private static ApiJson.ColumnNode node(Column column, Map<Long, List<Column>> children, int depth) {
        List<ApiJson.ColumnNode> below = depth >= MAX_DEPTH ? List.of()
                : children.getOrDefault(column.id(), List.of()).stream().map(c -> node(c, children, depth + 1))
                .toList();
        return new ApiJson.ColumnNode(column.id(), column.slug(), column.name(),
                column.description() == null || column.description().isBlank() ? null : column.description(),
                SiteUrls.column(column.slug()), below);
    }
}
