package org.shegong.search.query;

import org.shegong.search.analysis.Lexicon;
import org.shegong.search.analysis.TextNormaliser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.content.BodyHtml;

/**
 * Marks what the reader searched for in titles and snippets. It looks for the query's words (and their
 * synonyms) as strings in the folded text, so what is marked is exactly what matched, including words the
 * bigram fields found; everything else is escaped, so {@code <mark>} is the only markup in the output.
 */
final class Highlighter {

    static final int SNIPPET_LENGTH = 120;
    private static final int LEAD = 20;

    private final String[] needles;
    /**
     * Bit {@code c % 64} set when some needle starts with a char {@code c}: most positions of a long body are passed
     * over with one test. A table with one entry per char did that exactly but cost 64 KB for every highlighter, two
     * of them per search page, which was most of what a search allocated apart from the texts themselves.
     */
    private final long starts;

    private Highlighter(List<String> needles) {
        this.needles = needles.stream().filter(n -> !n.isEmpty()).toArray(String[]::new);
        long bits = 0;
        for (String needle : this.needles) {
            bits |= 1L << needle.charAt(0); // a long shift uses the low six bits of the char
        }
        this.starts = bits;
    }

    /** Needles: the query's parts and their synonyms, longest first; lone characters only if nothing else. */
    static Highlighter forQuery(QueryText text, Lexicon lexicon) {
        Set<String> all = new LinkedHashSet<>();
        for (QueryText.Part part : text.parts()) {
            all.add(part.text());
            all.addAll(lexicon.synonymsOf(part.text()));
        }
        List<String> longer = all.stream().filter(n -> n.codePointCount(0, n.length()) > 1).toList();
        List<String> chosen = new ArrayList<>(longer.size() == 0 || longer.size() < text.parts().size()
                ? all : longer);
        chosen.sort(Comparator.comparingInt(String::length).reversed());
        return new Highlighter(List.copyOf(chosen));
    }

    static Highlighter of(List<String> needles) {
        List<String> sorted = new ArrayList<>(needles.stream().map(TextNormaliser::normalise).toList());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Highlighter(sorted);
    }

    /** The whole text, escaped, with matches marked. */
    String highlight(String text) {
        return text == null ? "" : render(text, 0, text.length(), matches(text));
    }

    /**
     * About {@link #SNIPPET_LENGTH} characters of {@code text} around its densest cluster of matches, escaped
     * and marked, with "…" where it was cut; null when nothing matches.
     */
    String snippet(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<int[]> matches = matches(text);
        if (matches.isEmpty()) {
            return null;
        }
        int bestStart = matches.get(0)[0];
        int bestCount = 0;
        int last = 0;
        for (int first = 0; first < matches.size(); first++) {
            int windowEnd = matches.get(first)[0] + SNIPPET_LENGTH - LEAD;
            last = Math.max(last, first);
            while (last + 1 < matches.size() && matches.get(last + 1)[1] <= windowEnd) {
                last++;
            }
            if (last - first + 1 > bestCount) {
                bestCount = last - first + 1;
                bestStart = matches.get(first)[0];
            }
        }
        int start = safe(text, Math.max(0, bestStart - LEAD));
        int end = safe(text, Math.min(text.length(), start + SNIPPET_LENGTH));
        List<int[]> inside = matches.stream().filter(m -> m[0] >= start && m[1] <= end).toList();
        return (start > 0 ? "…" : "") + render(text, start, end, inside) + (end < text.length() ? "…" : "");
    }

    /** Non-overlapping [start, end) ranges of needles in text, leftmost first, longest needle first. */
    List<int[]> matches(String text) {
        List<int[]> found = new ArrayList<>();
        if (needles.length == 0) {
            return found;
        }
        // Folded char by char as it is compared (needles are folded already): a folded copy of every body
        // highlighted cost two copies of it per hit.
        int i = 0;
        while (i < text.length()) {
            int matched = 0;
            if ((starts & (1L << TextNormaliser.fold(text.charAt(i)))) != 0) {
                for (String needle : needles) {
                    if (foldedStartsWith(text, i, needle)) {
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

    /** Whether {@code text}, folded, has {@code needle} at {@code at}. */
    private static boolean foldedStartsWith(String text, int at, String needle) {
        if (at + needle.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < needle.length(); k++) {
            if (TextNormaliser.fold(text.charAt(at + k)) != needle.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String render(String text, int start, int end, List<int[]> matches) {
        StringBuilder out = new StringBuilder();
        int at = start;
        for (int[] match : matches) {
            if (match[0] < at || match[1] > end) {
                continue;
            }
            out.append(BodyHtml.escape(text.substring(at, match[0])));
            out.append("<mark>").append(BodyHtml.escape(text.substring(match[0], match[1]))).append("</mark>");
            at = match[1];
        }
        out.append(BodyHtml.escape(text.substring(at, end)));
        return out.toString();
    }

    /** Moves an index off the low half of a surrogate pair, so an emoji is never cut in two. */
    private static int safe(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
