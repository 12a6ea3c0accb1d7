package org.shegong.region.tagging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.shegong.region.data.RegionDirectory;

/**
 * Tagging rate (issue 13: ≥ 5,000 articles/s at 1,000,000 within -Xmx512m). Builds 4,000 distinct articles from
 * the shared samples (title, summary, HTML body of about 1,200 characters each, with paragraphs from other
 * samples and one of the tagging-table titles mixed in, so bodies name several places), then tags N articles by
 * cycling through them on T threads, HTML to text included. Run by {@code bench/region-tagging.sh}.
 */
public final class RegionTaggerBench {

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path samples = Path.of(args.length > 2 ? args[2] : "/work/shared/samples/articles.jsonl");
        long loadStart = System.nanoTime();
        RegionTagger tagger = new RegionTagger(RegionDirectory.load("china-division-2.7.0"));
        System.out.printf("dictionary built in %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);
        List<String[]> articles = articles(samples, 4_000);
        for (int i = 0; i < 20_000; i++) { // warm-up
            String[] a = articles.get(i % articles.size());
            tagger.tag(a[0], a[1], ArticleText.plain(a[2], RegionTagger.BODY_LIMIT));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong national = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                long i;
                while ((i = next.getAndIncrement()) < n) {
                    String[] a = articles.get((int) (i % articles.size()));
                    RegionTags tags = tagger.tag(a[0], a[1], ArticleText.plain(a[2], RegionTagger.BODY_LIMIT));
                    if (tags.primary().code().equals("000000")) {
                        national.incrementAndGet();
                    }
                }
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        double cpu = cpuNanos.get() / 1e9;
        // On a shared machine the wall clock counts time the threads waited for a core; CPU time does not.
        System.out.printf("tagged %,d articles on %d thread(s) in %.1f s: %,.0f articles/s wall clock, %,.0f articles"
                        + " per CPU second (national %,d); heap max %d MB, used %d MB%n",
                n, threads, seconds, n / seconds, n / cpu, national.get(), rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** A string field of a one-line JSON object (the samples have no nested objects). */
    private static String field(String line, String name) {
        int at = line.indexOf("\"" + name + "\": \"");
        if (at < 0) {
            return "";
        }
        StringBuilder value = new StringBuilder();
        for (int i = at + name.length() + 5; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char e = line.charAt(++i);
                value.append(e == 'n' ? '\n' : e);
            } else if (c == '"') {
                break;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static List<String[]> articles(Path samples, int count) throws Exception {
        List<String[]> raw = new ArrayList<>();
        for (String line : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
            raw.add(new String[] {field(line, "title"), field(line, "summary"), field(line, "body")});
        }
        List<String> titles = new ArrayList<>();
        var table = RegionTaggerBench.class.getClassLoader().getResourceAsStream("region/tagging-sentences.tsv");
        for (String line : new String(table.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            if (f.length > 2 && !line.startsWith("#")) {
                titles.add(f[2]);
            }
        }
        Random random = new Random(13);
        List<String[]> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] base = raw.get(random.nextInt(raw.size()));
            String[] other = raw.get(random.nextInt(raw.size()));
            String title = random.nextBoolean() ? titles.get(random.nextInt(titles.size())) : base[0];
            String body = "<p>" + String.join("</p><p>", base[2].split("\n+")) + "</p><p>"
                    + other[2].substring(0, Math.min(300, other[2].length())) + "</p>";
            articles.add(new String[] {title, base[1], body});
        }
        return articles;
    }
}
