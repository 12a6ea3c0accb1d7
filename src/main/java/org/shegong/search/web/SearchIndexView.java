package org.shegong.search.web;

import org.shegong.account.AdminChrome;
import org.shegong.search.index.FinishedRebuild;
import org.shegong.search.index.IndexReport;
import org.shegong.system.Times;

/** The search index page: the report, and a notice after the rebuild button. */
public record SearchIndexView(AdminChrome chrome, IndexReport report, String notice) {

    /** Seconds between reloads while a rebuild runs (a meta refresh: no script needed). */
    public static final int REFRESH_SECONDS = 2;

    public String lastRebuildText() {
        FinishedRebuild last = report.lastRebuild();
        if (last == null) {
            return "没有记录";
        }
        return Times.articleDateTime(last.finishedAt()) + " 完成，写入 " + last.documents() + " 篇，用时 "
                + "%.1f".formatted(last.took().toMillis() / 1000.0) + " 秒，每秒 " + last.rate() + " 篇";
    }

    public String lexiconLoadedText() {
        return report.lexiconLoadedAt() == null ? "尚未读取" : Times.articleDateTime(report.lexiconLoadedAt());
    }
}
