package org.shegong.content;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.shegong.system.BatchedCounts;
import org.shegong.system.Medians;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a flush of article views costs, written as JDBC batches (ViewCounter) against the statement per article it
 * replaced, kept here as the baseline (not a test; run by bench/view-flush.sh). Each round views the same number of
 * random articles once, on a new day, and flushes twice: the first flush inserts every article's day row, the
 * second adds to them. The two writers alternate their order from round to round. Prints the median time per
 * viewed article of each flush, both ways, and their ratio.
 */
public final class ViewFlushBench {

    private final ContentFixture content;
    private final List<Long> ids = new ArrayList<>();
    private final Random random = new Random(7);

    private ViewFlushBench(ContentFixture content) {
        this.content = content;
    }

    public static void main(String[] args) {
        DatabaseTarget target = DatabaseTarget.valueOf(args.length > 0 ? args[0] : "H2");
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int viewed = args.length > 2 ? Integer.parseInt(args[2]) : 2_560;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        ViewFlushBench bench = new ViewFlushBench(new ContentFixture(TestDatabase.fresh(target)));
        bench.fill(articles);
        bench.run(target, viewed, rounds);
        System.exit(0);
    }

    private void fill(int articles) {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < articles; i++) {
            ids.add(content.publish("v" + i, "文章" + i, start.plusSeconds(60L * i), i % 2 == 0 ? "news" : "policy"));
        }
    }

    private void run(DatabaseTarget target, int viewed, int rounds) {
        JdbcTemplate template = new JdbcTemplate(content.db.dataSource());
        ViewCounter batched = new ViewCounter(new ArticleViewsRepository(template), new DailyViewsRepository(template),
                content.db.transactions(), content.clock);
        PerArticle perArticle = new PerArticle(content.db);
        long[][] insert = new long[2][rounds];
        long[][] update = new long[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int writer = (round + turn) % 2; // 0 per article, 1 batched; A B, then B A
                content.clock.advance(Duration.ofDays(1));
                List<Long> chosen = choose(viewed);
                long[] times = writer == 0 ? flushTwice(chosen, perArticle::record, perArticle::flush)
                        : flushTwice(chosen, batched::record, batched::flush);
                insert[writer][round] = times[0] / viewed;
                update[writer][round] = times[1] / viewed;
            }
        }
        System.out.printf("%s, %,d articles viewed per flush, %d rounds (the first is warm-up and left out)%n",
                target, viewed, rounds);
        report("flush that inserts the day's rows", insert);
        report("flush that adds to them", update);
    }

    private List<Long> choose(int viewed) {
        List<Long> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, viewed);
    }

    private static long[] flushTwice(List<Long> chosen, java.util.function.LongConsumer record, Runnable flush) {
        long[] times = new long[2];
        for (int i = 0; i < 2; i++) {
            chosen.forEach(record::accept);
            long t0 = System.nanoTime();
            flush.run();
            times[i] = System.nanoTime() - t0;
        }
        return times;
    }

    private static void report(String what, long[][] nanos) {
        long perArticle = Medians.upper(nanos[0], 1);
        long batched = Medians.upper(nanos[1], 1);
        System.out.printf("  %-36s per article %,7d ns   batched %,7d ns   %.2fx%n", what, perArticle, batched,
                (double) batched / perArticle);
    }

    /** The flush before issue 18's batches: a statement per article and table, a transaction per 256 articles. */
    private final class PerArticle {

        private final BatchedCounts pending = new BatchedCounts("views of article");
        private final JdbcClient jdbc;
        private final TestDatabase db;

        PerArticle(TestDatabase db) {
            this.db = db;
            this.jdbc = db.jdbc();
        }

        void record(long id) {
            pending.record(id);
        }

        void flush() {
            LocalDate today = LocalDate.ofInstant(content.clock.instant(), Times.CHINA);
            pending.flush(batch -> db.transactions().executeWithoutResult(s -> batch.forEach((id, views) -> {
                if (jdbc.sql("UPDATE article_views SET views = views + ? WHERE article_id = ?").params(views, id)
                        .update() == 0) { // the total's own table since ADR 0081
                    jdbc.sql("INSERT INTO article_views (article_id, views) VALUES (?, ?)").params(id, views).update();
                }
                int updated = jdbc.sql("UPDATE article_daily_views SET views = views + ? WHERE view_day = ?"
                        + " AND article_id = ?").params(views, today, id).update();
                if (updated == 0) {
                    jdbc.sql("INSERT INTO article_daily_views (view_day, article_id, views, column_id)"
                            + " SELECT ?, id, ?, primary_column_id FROM article WHERE id = ?").params(today, views, id)
                            .update();
                }
            })));
        }
    }
}
