package org.shegong.search.query;

import com.sun.management.ThreadMXBean;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.shegong.content.BodyHtml;
import org.shegong.search.analysis.TextNormaliser;
import org.shegong.system.Medians;

/**
 * The highlighter's matching on a search page's worth of bodies (not a test; {@code bench/highlighter.sh}): the
 * current {@link Highlighter} against the way it matched before (a 64 KB first-char table per highlighter and a folded
 * copy of every text), alternated in rounds on the same queries and texts. Prints CPU and bytes allocated per page of
 * 20 bodies for both, medians of the rounds after the first.
 *
 * <p>Arguments: the corpus (JSON Lines with a {@code body}), a query file (one a line, words separated by spaces),
 * pages per round, rounds.
 */
public final class HighlighterBench {

    private static final ThreadMXBean THREAD = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int HITS = 20;

    private HighlighterBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> bodies = bodies(Path.of(args[0]), 5_000);
        List<List<String>> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            List<String> words = Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty())
                    .map(TextNormaliser::normalise).toList();
            if (!words.isEmpty()) {
                queries.add(words);
            }
        }
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        long[][] nanos = new long[2][rounds];
        long[][] bytes = new long[2][rounds];
        long[] found = new long[2];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int which = r % 2 == 0 ? k : 1 - k; // A B, then B A
                long cpu = THREAD.getCurrentThreadCpuTime();
                long allocated = THREAD.getCurrentThreadAllocatedBytes();
                found[which] += pages(queries, bodies, pages, which == 0 ? words -> Highlighter.of(words)::matches
                        : words -> new Before(words)::matches);
                nanos[which][r] = (THREAD.getCurrentThreadCpuTime() - cpu) / pages;
                bytes[which][r] = (THREAD.getCurrentThreadAllocatedBytes() - allocated) / pages;
            }
        }
        if (found[0] != found[1]) {
            throw new IllegalStateException("the two found " + found[0] + " and " + found[1] + " matches");
        }
        System.out.printf(Locale.ROOT, "%,d pages of %d bodies a round, %d rounds (medians of rounds 2-%d); %,d matches "
                + "found by each%n", pages, HITS, rounds, rounds, found[0]);
        report("before (table per highlighter, folded copies)", nanos[1], bytes[1], nanos[1], bytes[1]);
        report("now (bit mask, folded while compared)", nanos[0], bytes[0], nanos[1], bytes[1]);
    }

    private static void report(String label, long[] nanos, long[] bytes, long[] baseNanos, long[] baseBytes) {
        long n = Medians.upper(nanos, 1);
        long b = Medians.upper(bytes, 1);
        System.out.printf(Locale.ROOT, "  %-48s %8.1f µs CPU per page (%.2fx)  %,10d bytes allocated (%.2fx)%n",
                label, n / 1e3, (double) n / Medians.upper(baseNanos, 1), b, (double) b / Medians.upper(baseBytes, 1));
    }

    /**
     * Matches of each page's query in its 20 bodies, by a matcher made for the query: the current highlighter's or
     * the one it replaced ({@link Before}).
     */
    private static long pages(List<List<String>> queries, List<String> bodies, int pages,
                              Function<List<String>, Function<String, List<int[]>>> matcher) {
        long found = 0;
        for (int p = 0; p < pages; p++) {
            Function<String, List<int[]>> matches = matcher.apply(queries.get(p % queries.size()));
            for (int h = 0; h < HITS; h++) {
                found += matches.apply(bodies.get((p * HITS + h) % bodies.size())).size();
            }
        }
        return found;
    }

    /** The matching of the highlighter before session 20, kept as this bench's baseline. */
    private static final class Before {

        private final String[] needles;
        private final boolean[] starts = new boolean[Character.MAX_VALUE + 1];

        Before(List<String> words) {
            List<String> sorted = new ArrayList<>(words);
            sorted.sort((a, b) -> b.length() - a.length());
            needles = sorted.toArray(String[]::new);
            for (String needle : needles) {
                starts[needle.charAt(0)] = true;
            }
        }

        List<int[]> matches(String text) {
            List<int[]> found = new ArrayList<>();
            String folded = TextNormaliser.normalise(text);
            int i = 0;
            while (i < folded.length()) {
                int matched = 0;
                if (starts[folded.charAt(i)]) {
                    for (String needle : needles) {
                        if (folded.startsWith(needle, i)) {
                            matched = needle.length();
                            break;
                        }
                    }
                }
                if (matched > 0) {
                    found.add(new int[] {i, i + matched});
                    i += matched;
                } else {
                    i++;
                }
            }
            return found;
        }
    }

    private static List<String> bodies(Path corpus, int limit) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while (bodies.size() < limit && (line = reader.readLine()) != null) {
                bodies.add(BodyHtml.plainText(BodyHtml.normalise(SearchBench.JSON.readTree(line).path("body").asString(""))));
            }
        }
        return bodies;
    }
}
