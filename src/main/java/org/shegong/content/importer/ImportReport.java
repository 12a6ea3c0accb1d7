package org.shegong.content.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts of what an import did, and the lines it could not take. A report counts in lines ("第 N 行", JSON Lines)
 * or items ("第 N 项", a WordPress export, whose posts span many lines).
 */
public final class ImportReport {

    private static final int MAX_KEPT_PROBLEMS = 1_000;

    private long created;
    private long updated;
    private long unchanged;
    private long failed;
    private long similar;
    private long skipped;
    private long omitted;
    private final String unit;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<ImportProblem> similarities = new ArrayList<>();
    private final List<ImportProblem> notes = new ArrayList<>();

    public ImportReport() {
        this(ImportProblem.LINE);
    }

    ImportReport(String unit) {
        this.unit = unit;
    }

    /** A problem with the given line or item, in this report's unit. */
    ImportProblem problem(int number, String reason) {
        return new ImportProblem(number, reason, unit);
    }

    /** An item deliberately not imported (a private or trashed WordPress post): reported, not a failure. */
    void countOmitted(ImportProblem note) {
        omitted++;
        note(note);
    }

    /** Something the operator should know that did not stop the item (a missing picture, an unknown category). */
    void note(ImportProblem note) {
        if (notes.size() < MAX_KEPT_PROBLEMS) {
            notes.add(note);
        }
    }

    public long omitted() {
        return omitted;
    }

    /** The first notes, by line or item. */
    public List<ImportProblem> notes() {
        List<ImportProblem> byLine = new ArrayList<>(notes);
        byLine.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return Collections.unmodifiableList(byLine);
    }

    void countCreated() {
        created++;
    }

    void countUpdated() {
        updated++;
    }

    void countUnchanged() {
        unchanged++;
    }

    void countFailed(ImportProblem problem) {
        failed++;
        if (problems.size() < MAX_KEPT_PROBLEMS) {
            problems.add(problem);
        }
    }

    /** A new item whose text is nearly an existing article's: imported, or skipped with --skip-similar. */
    void countSimilar(ImportProblem note, boolean wasSkipped) {
        similar++;
        if (wasSkipped) {
            skipped++;
        }
        if (similarities.size() < MAX_KEPT_PROBLEMS) {
            similarities.add(note);
        }
    }

    public long similar() {
        return similar;
    }

    public long skipped() {
        return skipped;
    }

    /** The first near-duplicates met, by line ("第 N 行: 与第 X 号文章相似"). */
    public List<ImportProblem> similarities() {
        List<ImportProblem> byLine = new ArrayList<>(similarities);
        byLine.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return Collections.unmodifiableList(byLine);
    }

    public long created() {
        return created;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long failed() {
        return failed;
    }

    public long processed() {
        return created + updated + unchanged + failed + skipped + omitted;
    }

    /** The first problems met (at most a thousand are kept; the count covers them all). */
    public List<ImportProblem> problems() {
        List<ImportProblem> byLine = new ArrayList<>(problems);
        byLine.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return Collections.unmodifiableList(byLine);
    }

    @Override
    public String toString() {
        String text = "新增 %d, 更新 %d, 未变 %d, 失败 %d".formatted(created, updated, unchanged, failed)
                + (omitted == 0 ? "" : ", 未导入 %d".formatted(omitted));
        return similar == 0 ? text : text + ", 相似 %d (跳过 %d)".formatted(similar, skipped);
    }
}
