package org.shegong.content.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.shegong.content.Texts;

/**
 * Reads the listing-page format of the seed: an optional column-name line, a featured paragraph ending
 * with "[详情]", then title / summary line pairs, newest first. The page has no dates, so items get
 * descending times one minute apart from {@code now}, which keeps the page's order.
 */
public final class SeedListingParser {

    private static final String DETAILS = "[详情]";
    private static final Pattern CLAUSE = Pattern.compile("[,，。;；!！?？:：]");
    private static final Pattern DATE_ONLY = Pattern.compile("^[0-9０-９年月日号至到\\-—~～、及和上中下旬午晚初底前后时分.]+$");

    private SeedListingParser() {
    }

    /** A parsed listing: the column named by its first line, if any, and its items in page order. */
    public record Listing(String columnName, List<ImportItem> items) {
    }

    public static Listing parse(List<String> rawLines, Instant now) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            String line = Texts.trim(rawLines.get(i));
            if (!line.isEmpty()) {
                lines.add(line);
                numbers.add(i + 1);
            }
        }
        String columnName = null;
        int at = 0;
        if (!lines.isEmpty() && lines.get(0).length() <= 12 && !CLAUSE.matcher(lines.get(0)).find()
                && lines.size() > 1 && lines.get(1).endsWith(DETAILS)) {
            columnName = lines.get(0);
            at = 1;
        }
        Instant base = now.truncatedTo(ChronoUnit.MINUTES);
        List<ImportItem> items = new ArrayList<>();
        if (at < lines.size() && lines.get(at).endsWith(DETAILS)) {
            String paragraph = Texts.trim(lines.get(at).substring(0, lines.get(at).length() - DETAILS.length()));
            items.add(item(numbers.get(at), "seed:" + digest(paragraph), featuredTitle(paragraph), paragraph,
                    base, true));
            at++;
        }
        for (; at < lines.size(); at += 2) {
            String title = lines.get(at);
            String summary = at + 1 < lines.size() ? lines.get(at + 1) : null;
            Instant publishedAt = base.minus(items.size(), ChronoUnit.MINUTES);
            items.add(item(numbers.get(at), "seed:" + digest(title), title, ownSummary(title, summary), publishedAt,
                    false));
        }
        return new Listing(columnName, items);
    }

    /**
     * The featured paragraph has no title line: take its first clause that says more than a date, e.g.
     * "3月17日至21日,辽宁省…启动。" gives "辽宁省…启动".
     */
    static String featuredTitle(String paragraph) {
        String text = paragraph.endsWith("...") ? paragraph.substring(0, paragraph.length() - 3) : paragraph;
        for (String clause : CLAUSE.split(text)) {
            String c = Texts.trim(clause);
            if (c.length() >= 6 && !DATE_ONLY.matcher(c).matches()) {
                return c;
            }
        }
        return text.length() > 40 ? text.substring(0, 40) : text;
    }

    /**
     * The old site repeated the title when an item had no summary ("一图读懂|X" with summary "X"); such a
     * line is not a summary of its own.
     */
    static String ownSummary(String title, String summary) {
        if (summary == null) {
            return null;
        }
        String s = squash(summary);
        String t = squash(title);
        int bar = t.indexOf('|');
        if (s.equals(t) || (bar >= 0 && s.equals(t.substring(bar + 1)))) {
            return null;
        }
        return summary;
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static ImportItem item(int line, String externalId, String title, String summary, Instant publishedAt,
                                   boolean featured) {
        return new ImportItem(line, externalId, List.of(), title, null, summary, null, publishedAt, true, null, null,
                null, List.of(), null, featured, null);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(squash(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
