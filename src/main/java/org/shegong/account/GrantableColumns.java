package org.shegong.account;

import java.util.List;
import java.util.Optional;

/**
 * The columns a role can be granted in, as the account feature needs to know them: id and name. Accounts sit
 * below the column tree (columns ask who may act on them), so the column feature provides this.
 */
public interface GrantableColumns {

    List<GrantableColumn> all();

    Optional<GrantableColumn> byId(long id);

    record GrantableColumn(long id, String name) {
    }
}
