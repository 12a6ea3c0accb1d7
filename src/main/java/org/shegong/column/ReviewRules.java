package org.shegong.column;

/**
 * How a column's articles are reviewed: how many levels (1 to 3), and whether each level of a round needs a
 * different person (on unless the column's page turns it off).
 */
public record ReviewRules(int levels, boolean oneLevelPerPerson) {

    public static ReviewRules of(int levels) {
        return new ReviewRules(levels, true);
    }
}
