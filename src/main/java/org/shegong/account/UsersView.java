package org.shegong.account;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.account.Role;

/**
 * The user pages: the list (with the create form, refilled from {@code username} and {@code displayName} when
 * refused) or one person ({@code user}); {@code password} is set only on the page that shows a new password once.
 */
public record UsersView(AdminChrome chrome, List<UserRow> users, UserRow user, List<GrantableColumns.GrantableColumn> columns, String error,
                        String notice, String username, String displayName, String password) {

    public Role[] roles() {
        return Role.columnRoles();
    }
}
