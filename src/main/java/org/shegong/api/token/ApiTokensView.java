package org.shegong.api.token;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.account.Role;
import org.shegong.column.Column;

/**
 * The 访问令牌 page: the person's tokens (an administrator's view: everyone's), the form to create one, and, right
 * after creating, the secret, shown this once.
 */
public record ApiTokensView(AdminChrome chrome, List<Row> tokens, boolean everyone, List<Column> columns,
                            List<Role> roles, String defaultExpiry, String maxExpiry, String error, String notice,
                            ApiToken created, String secret) {

    /** One token as listed. */
    public record Row(ApiToken token, String owner, String state, String columns, String created, String expires,
                      String lastUsed, boolean revocable) {
    }
}
