package org.shegong.content;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import org.shegong.system.Medians;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * What a change to a big column costs the next reader, before and after incremental page anchors (not a test;
 * run by bench/listing-change.sh). On an H2 file holding one column of N items, each kind of change is made
 * several times; "before" drops the column's anchors as the old listing did on every event, so the next page
 * walks the column; "after" hands the change's outbox events to the listing, which recounts the touched blocks.
 * Prints the median time of that step and of the first page rendered after it, and deep pages afterwards.
 */
public final class ListingChangeBench {

    private final NewsroomDriver newsroom;
    private final long news;
    private final Random random = new Random(11);

    private ListingChangeBench(NewsroomDriver newsroom) {
        this.newsroom = newsroom;
        this.news = newsroom.column("news");
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 450_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/shegong-listing-bench");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        TestDatabase db = TestDatabase.open(DatabaseTarget.H2,
                "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        ListingChangeBench bench = new ListingChangeBench(new NewsroomDriver(db, ColumnListing.REWALK_ABOVE));
        bench.fill(items);
        bench.run(rounds);
    }

    /** One column of {@code items} live articles, ten minutes apart, written by SQL (once; reused after). */
    private void fill(int items) {
        var jdbc = newsroom.content.db.jdbc();
        jdbc.sql("DELETE FROM outbox_event").update();
        for (String table : new String[] {"column_listing", "article_column", "article_tag", "article_body",
                "article_views", "article"}) {
            String key = table.equals("article") ? "id" : "article_id";
            jdbc.sql("DELETE FROM " + table + " WHERE " + key + " IN (SELECT id FROM article WHERE external_id LIKE"
                    + " 'nr-%')").update();
        }
        long have = jdbc.sql("SELECT COUNT(*) FROM column_listing WHERE column_id = ? AND article_id IN"
                + " (SELECT id FROM article WHERE external_id LIKE 'fill-%')").param(news).query(Long.class).single();
        if (have == items) {
            return;
        }
        System.out.printf("filling the database with %,d articles in 行业动态%n", items);
        for (String table : new String[] {"column_listing", "article_column", "article_tag", "article_body",
                "article_views", "article"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("""
                INSERT INTO article (external_id, title, list_summary, kind, status, featured, featured_order,
                  primary_column_id, region, published_at, created_at, updated_at, version)
                SELECT 'fill-' || X, '社会工作服务站建设进展第' || X || '期', '各地社工站持续推进。', 'NEWS', 'LIVE',
                  FALSE, 0, ?, '辽宁', DATEADD(MINUTE, X * 10, TIMESTAMP '2016-11-01 00:00:00'),
                  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1
                FROM SYSTEM_RANGE(1, ?)""").params(news, items).update();
        jdbc.sql("INSERT INTO article_column (article_id, column_id) SELECT id, primary_column_id FROM article")
                .update();
        jdbc.sql("INSERT INTO column_listing (column_id, published_at, article_id)"
                + " SELECT primary_column_id, published_at, id FROM article").update();
    }

    private void run(int rounds) {
        long walkMicros = micros(() -> newsroom.listing.page(news, 1).orElseThrow().total());
        PageAnchors anchors = newsroom.listing.anchorsOf(news);
        System.out.printf("行业动态: %,d items, %,d pages, %,d blocks; first walk after opening the H2 file: %s%n",
                anchors.total(), anchors.pages(), anchors.blocks(), ms(walkMicros));
        deepPages("deep pages before any change");
        newsroom.drain(random, 500);
        // A running server has compiled its hot code: warm the incremental path (untimed) as a while of use would.
        for (int i = 0; i < 40; i++) {
            make(List.of("publish at the top", "publish in the middle", "withdrawal", "re-dated").get(i % 4));
            newsroom.drain(random, 500);
            newsroom.listing.page(news, 1 + i);
        }
        System.out.println();
        System.out.println("| change | before: walk + first page | after: recount (relay) | after: first page |");
        System.out.println("|---|---|---|---|");
        for (String change : List.of("publish at the top", "publish in the middle", "withdrawal", "re-dated")) {
            long[] before = new long[rounds];
            long[] recount = new long[rounds];
            long[] after = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                make(change);
                newsroom.listing.forget(news);
                newsroom.drain(random, 500); // nothing to recount: the anchors are gone
                before[r] = micros(() -> newsroom.listing.page(news, 1).orElseThrow().total());
                make(change);
                recount[r] = micros(() -> {
                    newsroom.drain(random, 500);
                    return 0;
                });
                after[r] = micros(() -> newsroom.listing.page(news, 1).orElseThrow().total());
            }
            System.out.printf("| %s | %s | %s | %s |%n", change, ms(Medians.upper(before)), ms(Medians.upper(recount)),
                    ms(Medians.upper(after)));
            if (Boolean.getBoolean("bench.verbose")) {
                System.out.printf("   before %s%n   recount %s%n   after %s%n", Arrays.toString(before),
                        Arrays.toString(recount), Arrays.toString(after));
            }
        }
        anchors = newsroom.listing.anchorsOf(news);
        System.out.printf("%nafter the changes: %,d blocks, longest %d rows; walks of the whole column: %d%n",
                anchors.blocks(), anchors.largestBlock(), newsroom.fullWalksOf(news));
        deepPages("deep pages after the changes");
    }

    private void make(String change) {
        Instant newest = newsroom.listing.latest(news, 1).get(0).publishedAt();
        Instant middle = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(100_000_000));
        switch (change) {
            case "publish at the top" -> newsroom.publish(newest.plusSeconds(60), news);
            case "publish in the middle" -> newsroom.publish(middle, news);
            default -> {
                // An article of the bench's own, so that the filled column stays as it is for the next run.
                long id = newsroom.publish(middle, news);
                newsroom.drain(random, 500); // its publication is not what is timed
                if (change.equals("withdrawal")) {
                    newsroom.withdraw(id);
                } else {
                    newsroom.update(id, middle.plusSeconds(86_400L * 200), false, List.of(news), "改期");
                }
            }
        }
    }

    private void deepPages(String label) {
        List<String> times = new ArrayList<>();
        int pages = newsroom.listing.anchorsOf(news).pages();
        for (int page : new int[] {2, Math.min(5_000, pages), pages}) {
            // Five neighbouring pages, each read once: H2 answers a repeated identical query from its result cache.
            long[] each = new long[5];
            int first = Math.max(Math.min(page, pages - each.length + 1), 1);
            for (int i = 0; i < each.length; i++) {
                int at = Math.min(first + i, pages);
                each[i] = micros(() -> newsroom.listing.page(news, at).orElseThrow().total());
            }
            times.add("page " + page + " " + ms(Medians.upper(each)));
        }
        System.out.println(label + " (median of five neighbouring pages): " + String.join(", ", times));
    }

    private static long micros(LongSupplier work) {
        long start = System.nanoTime();
        work.getAsLong();
        return (System.nanoTime() - start) / 1_000;
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.0f ms", micros / 1_000.0);
    }
}
