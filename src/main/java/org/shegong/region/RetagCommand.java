package org.shegong.region;

import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.shegong.system.cli.ProgressBar;
import org.shegong.system.outbox.OutboxCoverage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shegong.jar retag}: tags every article again with the current data set and rules (after an
 * update of either). An editor's choice is kept. The server may keep running.
 */
@Component
class RetagCommand implements CliCommand {

    private final ObjectProvider<RegionTagging> tagging;
    private final ObjectProvider<OutboxCoverage> coverage;

    RetagCommand(ObjectProvider<RegionTagging> tagging, ObjectProvider<OutboxCoverage> coverage) {
        this.tagging = tagging;
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return "retag";
    }

    @Override
    public String usage() {
        return "retag";
    }

    @Override
    public int run(List<String> arguments) {
        RegionTagging regions = tagging.getObject();
        long total = regions.countArticles();
        ProgressBar bar = ProgressBar.forConsole();
        long started = System.nanoTime();
        long before = coverage.getObject().latest();
        long done = regions.retagAll(count -> bar.update(count, total, count));
        bar.finish();
        // Every event written before the start is done (a bulk import's too): the server need not tag it all again.
        coverage.getObject().coveredUpTo(RegionTagFollower.NAME, before);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("已重新标注地区: %,d 篇, %.1f 秒, %.0f 篇/秒（编辑指定的地区保持不变）%n", done, seconds,
                done / Math.max(seconds, 0.001));
        return 0;
    }
}
