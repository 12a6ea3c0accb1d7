package org.shegong.column;

import java.util.List;
import java.util.Optional;
import org.shegong.account.GrantableColumns;
import org.springframework.stereotype.Component;

/** Every column of the tree, in its order, for granting roles. */
@Component
class ColumnsForGrants implements GrantableColumns {

    private final ColumnService columns;

    ColumnsForGrants(ColumnService columns) {
        this.columns = columns;
    }

    @Override
    public List<GrantableColumn> all() {
        return columns.all().stream().map(ColumnsForGrants::grantable).toList();
    }

    @Override
    public Optional<GrantableColumn> byId(long id) {
        return columns.byId(id).map(ColumnsForGrants::grantable);
    }

    private static GrantableColumn grantable(Column column) {
        return new GrantableColumn(column.id(), column.name());
    }
}
