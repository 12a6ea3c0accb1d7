package org.shegong.content.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts of what an import did, and the lines it could not take. */
public final class ImportReport {

    private static final int MAX_KEPT_PROBLEMS = 1_000;

    private long created;
    private long updated;
    private long unchanged;
    private long failed;
    private final List<ImportProblem> problems = new ArrayList<>();

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
        return created + updated + unchanged + failed;
    }

    /** The first problems met (at most a thousand are kept; the count covers them all). */
    public List<ImportProblem> problems() {
        List<ImportProblem> byLine = new ArrayList<>(problems);
        byLine.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        return Collections.unmodifiableList(byLine);
    }

    @Override
    public String toString() {
        return "新增 %d, 更新 %d, 未变 %d, 失败 %d".formatted(created, updated, unchanged, failed);
    }
}
