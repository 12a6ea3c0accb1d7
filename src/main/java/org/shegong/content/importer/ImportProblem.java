package org.shegong.content.importer;

/**
 * A line (JSON Lines, listing) or an item (WordPress export, where one post spans many lines) that could not be
 * imported, with the reason an operator can act on.
 */
public record ImportProblem(int line, String reason, String unit) {

    public static final String LINE = "行";
    public static final String ITEM = "项";

    public ImportProblem(int line, String reason) {
        this(line, reason, LINE);
    }

    @Override
    public String toString() {
        return "第 " + line + " " + unit + ": " + reason;
    }
}
