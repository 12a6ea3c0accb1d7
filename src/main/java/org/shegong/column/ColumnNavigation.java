package org.shegong.column;

import java.util.List;
import org.shegong.system.web.NavItem;
import org.shegong.system.web.Navigation;
import org.springframework.stereotype.Component;

/** The site navigation for the page chrome: visible top-level columns in their order. */
@Component
class ColumnNavigation implements Navigation {

    private final ColumnService columns;

    ColumnNavigation(ColumnService columns) {
        this.columns = columns;
    }

    @Override
    public List<NavItem> items() {
        return columns.navigation().stream().map(c -> new NavItem(c.name(), c.slug())).toList();
    }
}
