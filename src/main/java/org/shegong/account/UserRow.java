package org.shegong.account;

import java.util.List;
import org.shegong.account.Account;

/** A person on the user management pages: the account, whether it is locked now, and its grants by name. */
public record UserRow(Account account, boolean locked, List<GrantRow> grants) {

    /** One grant with the column's name for display and its ids for the revoke form. */
    public record GrantRow(long columnId, String columnName, String role, String roleLabel) {
    }
}
