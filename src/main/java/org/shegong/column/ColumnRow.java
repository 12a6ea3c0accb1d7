package org.shegong.column;

import org.shegong.column.Column;

/**
 * A line of the column management table: the column, its depth in the tree, its review levels and whether each
 * level of a round needs a different person.
 */
public record ColumnRow(Column column, int depth, int reviewLevels, boolean oneLevelPerPerson) {

    /** The name indented by depth with full-width spaces (no style attributes under the CSP). */
    public String indentedName() {
        return depth == 0 ? column.name() : "　".repeat(depth) + "└ " + column.name();
    }
}
