package org.shegong.column;

import java.util.List;
import java.util.Map;
import org.shegong.system.web.NavItem;
import org.shegong.system.web.Navigation;
import org.springframework.stereotype.Component;

/** The site navigation for the page chrome: visible top-level columns in their order, with visible sub-columns. */
@Component
class ColumnNavigation implements Navigation {

    private final ColumnService columns;

    ColumnNavigation(ColumnService columns) {
        this.columns = columns;
    }

    @Override
    public List<NavItem> items() {
        Map<Long, List<Column>> children = columns.visibleChildren();
        return columns.navigation().stream().map(c -> item(c, children, 0)).toList();
    }

    private static NavItem item(Column column, Map<Long, List<Column>> children, int depth) {
        List<NavItem> below = depth >= 8 ? List.of() : children.getOrDefault(column.id(), List.of()).stream()
                .map(c -> item(c, children, depth + 1)).toList();
        return new NavItem(column.name(), column.slug(), below);
    }
}
