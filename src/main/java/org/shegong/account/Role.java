package org.shegong.account;

/**
 * What a person may do. Administrators are global; the other roles are granted per column, and a higher
 * editorial role includes the lower ones (a chief editor may also review and edit in that column).
 */
public enum Role {
    ADMINISTRATOR("管理员", 5), CHIEF_EDITOR("终审", 4), REVIEWER("复审", 3), EDITOR("初审/采编", 2),
    CONTRIBUTOR("投稿人", 1);

    private final String label;
    private final int rank;

    Role(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** True when this role may do what {@code other} may do. */
    public boolean includes(Role other) {
        return rank >= other.rank;
    }

    /**
     * The roles that may be granted in a column (administrator is a property of the account), lowest first:
     * the grant form's first choice is the least privilege.
     */
    public static Role[] columnRoles() {
        return new Role[] {CONTRIBUTOR, EDITOR, REVIEWER, CHIEF_EDITOR};
    }
}
