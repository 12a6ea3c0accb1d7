package org.shegong.search.index;

import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.shegong.system.cli.ProgressBar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shegong.jar reindex}: rebuilds the search index from the database (applying the current
 * dictionary). With the embedded H2 database, stop the server first; the index's lock says so otherwise.
 */
@Component
class ReindexCommand implements CliCommand {

    private final ObjectProvider<IndexRebuilder> rebuilder;

    ReindexCommand(ObjectProvider<IndexRebuilder> rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String usage() {
        return "reindex";
    }

    @Override
    public int run(List<String> arguments) {
        long total = rebuilder.getObject().countToIndex();
        ProgressBar bar = ProgressBar.forConsole();
        long started = System.nanoTime();
        long indexed;
        try {
            indexed = rebuilder.getObject().rebuild(done -> bar.update(done, total, done));
        } catch (RuntimeException e) {
            bar.finish();
            if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException
                    || e instanceof org.springframework.beans.factory.BeanCreationException) {
                System.err.println("无法打开搜索索引（服务器是否正在运行？请先停止它）: " + e.getMessage());
                return 75;
            }
            throw e;
        }
        bar.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("已重建搜索索引: %,d 篇（已发布文章及编辑稿）, %.1f 秒, %.0f 篇/秒%n", indexed, seconds,
                indexed / Math.max(seconds, 0.001));
        return 0;
    }
}
