package org.shegong.account;

/** One role of one user in one column. */
public record ColumnGrant(long columnId, Role role) {
}
