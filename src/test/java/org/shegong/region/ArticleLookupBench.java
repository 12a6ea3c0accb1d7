package org.shegong.region;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.shegong.content.Article;
import org.shegong.content.ArticleNeighbours;
import org.shegong.content.ArticleRepository;
import org.shegong.content.ListingRepository;
import org.shegong.region.data.RegionDirectory;
import org.shegong.system.Medians;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database reads of an uncached article page (the article with its body, fields, views, columns and tags; its
 * region tags; its newer and older neighbours), for random ids, against two H2 files that hold the same articles
 * stored differently (not a test; run by bench/article-lookups.sh). Both are open in one JVM and alternate round by
 * round, so they share the JIT and the machine. Prints the median CPU of the reading thread per article of each,
 * and their ratio. Only the reads are timed, so a storage change shows here even when a whole page's spread (Tomcat,
 * rendering, the collector, H2's background compaction) hides it.
 */
public final class ArticleLookupBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ArticleRepository articles;
    private final ArticleNeighbours neighbours;
    private final ArticleRegionRepository regions;

    private ArticleLookupBench(String url, RegionDirectory directory) {
        TestDatabase db = TestDatabase.open(DatabaseTarget.H2, url, "sa", "");
        articles = new ArticleRepository(new JdbcTemplate(db.dataSource()));
        neighbours = new ArticleNeighbours(new ListingRepository(db.jdbc()));
        regions = new ArticleRegionRepository(db.jdbc(), directory);
    }

    public static void main(String[] args) {
        int maxId = Integer.parseInt(args[2]);
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        RegionDirectory directory = RegionDirectory.load("china-division-2.7.0");
        ArticleLookupBench[] benches = {new ArticleLookupBench(args[0], directory),
            new ArticleLookupBench(args[1], directory)};
        Random random = new Random(11);
        long[][] nanos = new long[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) % 2;
                nanos[which][round] = benches[which].cpuPerArticle(random, maxId, seconds);
            }
            System.out.printf("round %d: A %.1f µs, B %.1f µs%n", round + 1, nanos[0][round] / 1e3,
                    nanos[1][round] / 1e3);
        }
        // The first two rounds warm up the JIT and each file's cache.
        long a = Medians.upper(nanos[0], 2);
        long b = Medians.upper(nanos[1], 2);
        System.out.printf("median CPU per article after two warm-up rounds: A %.1f µs, B %.1f µs, B/A %.2fx%n",
                a / 1e3, b / 1e3, (double) b / a);
        System.exit(0);
    }

    /** Reads random articles for a while; the thread's CPU per article found, in nanoseconds. */
    private long cpuPerArticle(Random random, int maxId, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long found = 0;
        while (System.nanoTime() < end) {
            Article article = articles.findById(1 + random.nextInt(maxId)).orElse(null);
            if (article != null) {
                regions.of(article.id());
                neighbours.around(article);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalStateException("no article with an id up to " + maxId);
        }
        return (THREADS.getCurrentThreadCpuTime() - cpu) / found;
    }
}
