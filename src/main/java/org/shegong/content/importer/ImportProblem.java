package org.shegong.content.importer;

/** A line that could not be imported, with the reason an operator can act on. */
public record ImportProblem(int line, String reason) {

    @Override
    public String toString() {
        return "第 " + line + " 行: " + reason;
    }
}
