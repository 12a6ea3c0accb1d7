package org.shegong.content.similar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time per near-duplicate check and the size of the band index (not a test; run by bench/near-duplicates.sh). An
 * H2 file gets N articles' fingerprints (random 64-bit values: SimHash values are spread like that) and their band
 * rows; then checks of 1,000-character texts are timed end to end (fingerprinting the text, the band lookup, the
 * distance check), against a baseline measured in the same run (fingerprinting the text alone), the size of the
 * index is read from H2 (rows and indexes of the two tables) and the cluster report is run once (skipped with
 * BENCH_CLUSTERS=0).
 */
public final class NearDuplicatesBench {

    private static final String SENTENCES = "社会工作服务站建设取得积极进展。民政部门统筹推进乡镇街道社工站建设。"
            + "专业社会工作者深入社区开展服务。困难群众留守老人困境儿童得到关爱。志愿服务与社会工作协同发展。"
            + "各地加强督导评估提升服务质量。政府购买服务引入专业社会服务机构。持证社会工作者人数持续增长。";

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/shegong-dup-bench");
        int checks = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Files.createDirectories(dir);
        TestDatabase db = TestDatabase.open(DatabaseTarget.H2,
                "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        long have = jdbc.queryForObject("SELECT COUNT(*) FROM article_fingerprint", Long.class);
        if (have != n) {
            long started = System.nanoTime();
            jdbc.update("DELETE FROM fingerprint_band");
            jdbc.update("DELETE FROM article_fingerprint");
            Random random = new Random(7);
            for (int from = 0; from < n; from += 10_000) {
                List<Object[]> prints = new ArrayList<>();
                List<Object[]> bands = new ArrayList<>();
                for (int id = from; id < Math.min(n, from + 10_000); id++) {
                    Fingerprints f = new Fingerprints(random.nextLong(), random.nextLong());
                    prints.add(new Object[] {(long) id + 1_000_000_000L, f.whole(), f.lead()});
                    for (int key : f.bandKeys()) {
                        bands.add(new Object[] {key, (long) id + 1_000_000_000L});
                    }
                }
                jdbc.batchUpdate("INSERT INTO article_fingerprint (article_id, whole_hash, lead_hash) VALUES (?, ?, ?)",
                        prints);
                jdbc.batchUpdate("INSERT INTO fingerprint_band (band_key, article_id) VALUES (?, ?)", bands);
            }
            System.out.printf("filled %,d fingerprints (%,d band rows) in %.1f s%n", n, 8L * n,
                    (System.nanoTime() - started) / 1e9);
        }
        jdbc.execute("CHECKPOINT SYNC");
        long fileBytes = Files.size(dir.resolve("bench.mv.db"));
        NearDuplicates duplicates = new NearDuplicates(db.jdbc());
        // Baseline, same run: fingerprinting the text alone (no database), what every check does first.
        long[] baseline = time(checks, i -> Fingerprints.of("标题" + i, text(new Random(i))));
        int[] found = {0};
        long[] nanos = time(checks, i -> found[0] += duplicates.similarTo("标题" + i, text(new Random(i)), null).size());
        long check = nanos[checks / 2];
        System.out.printf("baseline, fingerprint of a 1,000-character text alone: median %.3f ms%n", baseline[checks / 2] / 1e6);
        System.out.printf("%,d fingerprints: check of a 1,000-character text median %.3f ms (%.1f × the baseline), "
                        + "p99 %.2f ms, max %.2f ms (%d matches among %d random texts)%n", n, check / 1e6,
                (double) check / baseline[checks / 2], nanos[checks * 99 / 100] / 1e6, nanos[checks - 1] / 1e6, found[0],
                checks);
        long prints = diskSpace(jdbc, "ARTICLE_FINGERPRINT");
        long bands = diskSpace(jdbc, "FINGERPRINT_BAND");
        if (prints > 0 && bands > 0) {
            System.out.printf("index size (H2 DISK_SPACE_USED, rows + indexes): article_fingerprint %,d bytes, "
                            + "fingerprint_band %,d bytes = %.0f bytes per article%n", prints, bands,
                    (double) (prints + bands) / n);
        }
        System.out.printf("H2 file (not compacted after the fill): %,d bytes = %.0f bytes per article%n", fileBytes,
                (double) fileBytes / n);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("Java heap used after the checks: %.1f MB (the index lives in the database; a check holds only"
                + " its candidates)%n", (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
        if ("0".equals(System.getenv("BENCH_CLUSTERS"))) {
            return;
        }
        long started = System.nanoTime();
        int clusters = duplicates.clusters(100).size();
        System.out.printf("cluster report over %,d fingerprints: %.1f s (%d clusters)%n", n,
                (System.nanoTime() - started) / 1e9, clusters);
    }

    /** Times {@code count} runs after 200 to warm the JIT and the page cache; sorted nanoseconds. */
    private static long[] time(int count, java.util.function.IntConsumer run) {
        long[] nanos = new long[count];
        for (int i = 0; i < count + 200; i++) {
            long started = System.nanoTime();
            run.accept(i);
            if (i >= 200) {
                nanos[i - 200] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** H2's own count of the bytes a table and its indexes take; 0 when the database cannot tell. */
    private static long diskSpace(JdbcTemplate jdbc, String table) {
        try {
            Long bytes = jdbc.queryForObject("SELECT DISK_SPACE_USED(?)", Long.class, table);
            return bytes == null ? 0 : bytes;
        } catch (RuntimeException e) {
            System.out.println("(DISK_SPACE_USED(" + table + ") not available: " + e.getMessage() + ")");
            return 0;
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        String[] sentences = SENTENCES.split("。");
        while (text.length() < 1000) {
            text.append(sentences[random.nextInt(sentences.length)]).append(random.nextInt(100_000)).append('。');
        }
        return text.toString();
    }
}
