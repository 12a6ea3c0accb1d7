package org.shegong.content;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.shegong.system.Han;

/**
 * Derives the teaser shown in content lists when an editor wrote no summary.
 *
 * <p>Follows the old site's style: about {@value #TARGET} characters of body text, cut where a
 * reader would pause, followed by three ASCII dots. Lengths are counted in code points so that
 * emoji and rare CJK ideographs count as one character and a surrogate pair is never split.
 */
public final class SummaryDeriver {

    public static final int TARGET = 100;
    /** Cutting a text only a few characters longer than the target would save nothing. */
    public static final int WHOLE_LIMIT = 110;
    public static final String ELLIPSIS = "...";

    // Windows for a cut at a sentence end and at a clause boundary (positions in code points).
    private static final int SENTENCE_MIN = 70, SENTENCE_PREFERRED_MAX = 105, CLAUSE_MIN = 80, CLAUSE_MAX = 105;
    /** How far a cut may move to keep a number, word or bracketed span whole. */
    private static final int MAX_SHIFT = 20;
    /** Cutting before an opening mark must still leave a useful teaser. */
    private static final int MIN_BEFORE_BRACKET = 60;

    // \p{Z} brings in NBSP and the ideographic space U+3000, which \s alone misses.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}\\uFEFF]+|[\\s\\p{Z}\\uFEFF]+$");
    private static final String SENTENCE_ENDS = "。！？!?；;";
    // The seed text uses ASCII commas and colons between Chinese words as often as full-width ones.
    private static final String CLAUSE_MARKS = "，,、：:";
    private static final String OPENERS = "《“(（【「『‘〔[〈";
    private static final String CLOSERS = "》”)）】」』’〕]〉";
    // Marks that would read as "。..." or "《..." in front of the ellipsis.
    private static final String DROP_BEFORE_ELLIPSIS = SENTENCE_ENDS + CLAUSE_MARKS + OPENERS + " .…—-·";
    // Part of a number or code only between two of its characters: 101.39, 2021-2023, 8:30, 7·20.
    private static final String JOINERS = ".,:/-_+·";
    private static final String UNIT_SUFFIXES = "%％‰°℃";

    private SummaryDeriver() {}

    /** The editor's summary if there is one, else a teaser cut from the body, else the title. */
    public static String listSummary(String manualSummary, String bodyPlainText, String title) {
        return listSummary(manualSummary, () -> bodyPlainText, title);
    }

    /** As above, reading the body's text only when there is no summary (parsing a body is the costly part). */
    public static String listSummary(String manualSummary, Supplier<String> bodyPlainText, String title) {
        String manual = strip(manualSummary);
        if (!manual.isEmpty()) {
            return manual;
        }
        String derived = derive(bodyPlainText.get());
        return derived.isEmpty() ? strip(title) : derived;
    }

    /** About {@value #TARGET} code points of the body with whitespace collapsed, "..." appended when cut. */
    public static String derive(String plainText) {
        String text = plainText == null ? "" : WHITESPACE.matcher(plainText).replaceAll(" ").strip();
        int[] cp = text.codePoints().toArray();
        if (cp.length <= WHOLE_LIMIT) {
            return text;
        }
        int[] match = matchBrackets(cp);
        int cut = boundaryCut(cp, match);
        if (cut < 0) {
            cut = keepBracketWhole(match, keepClusterWhole(cp, keepTokenWhole(cp, TARGET)));
        }
        int kept = cut;
        while (kept > 0 && DROP_BEFORE_ELLIPSIS.indexOf(cp[kept - 1]) >= 0) {
            kept--;
        }
        return new String(cp, 0, kept == 0 ? cut : kept) + ELLIPSIS;
    }

    // String.strip() keeps NBSP, which text pasted into the editor often carries.
    private static String strip(String text) {
        return text == null ? "" : EDGE_SPACE.matcher(text).replaceAll("");
    }

    /** Cut after the sentence end nearest the target, else before the nearest clause boundary, else -1. */
    private static int boundaryCut(int[] cp, int[] match) {
        int sentence = -1;
        int clause = -1;
        for (int i = 0; i < WHOLE_LIMIT; i++) {
            if (SENTENCE_ENDS.indexOf(cp[i]) >= 0 && SENTENCE_ENDS.indexOf(cp[i + 1]) < 0) {
                int end = i + 1;
                while (end < cp.length && CLOSERS.indexOf(cp[end]) >= 0) {
                    end++; // 。” : the closing quote belongs to the sentence
                }
                if (end >= SENTENCE_MIN && end <= WHOLE_LIMIT && openAt(match, end, 0) < 0 && nearer(end, sentence)) {
                    sentence = end;
                }
            } else if (i >= CLAUSE_MIN && i <= CLAUSE_MAX && openAt(match, i, 0) < 0 && nearer(i, clause)
                    && (CLAUSE_MARKS.indexOf(cp[i]) >= 0 && !joined(cp, i)
                            || cp[i] == ' ' && Han.is(cp[i - 1]) && Han.is(cp[i + 1]))) {
                clause = i;
            }
        }
        return sentence >= 0 ? sentence : clause;
    }

    // A sentence end past 105 is only taken when none lies in 70..105.
    private static boolean nearer(int candidate, int best) {
        return best < 0 || score(candidate) < score(best);
    }

    private static int score(int position) {
        return Math.abs(position - TARGET) + (position > SENTENCE_PREFERRED_MAX ? WHOLE_LIMIT : 0);
    }

    /** Moves a cut out of a number or Latin word: back to its start, or on to its end if that loses too much. */
    private static int keepTokenWhole(int[] cp, int cut) {
        int start = cut, end = cut;
        while (start > 0 && joined(cp, start)) {
            start--;
        }
        while (end < cp.length && joined(cp, end)) {
            end++;
        }
        if (start == cut || start > 0 && (cut - start <= MAX_SHIFT || end > WHOLE_LIMIT)) {
            return start;
        }
        return end <= WHOLE_LIMIT ? end : cut;
    }

    /** Keeps ZWJ emoji sequences, skin tones, variation selectors and combining marks whole. */
    private static int keepClusterWhole(int[] cp, int cut) {
        while (cut > 1 && (cp[cut - 1] == 0x200D || cp[cut] == 0x200D || isMark(cp[cut])
                || cp[cut] >= 0x1F3FB && cp[cut] <= 0x1F3FF || cp[cut] >= 0xE0020 && cp[cut] <= 0xE007F)) {
            cut--;
        }
        return cut;
    }

    // NON_SPACING_MARK, ENCLOSING_MARK and COMBINING_SPACING_MARK are the consecutive types 6..8.
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type >= Character.NON_SPACING_MARK && type <= Character.COMBINING_SPACING_MARK;
    }

    /** Never ends inside 《…》 or “…”: runs on to a near closing mark, or cuts before the opening one. */
    private static int keepBracketWhole(int[] match, int cut) {
        int outer = openAt(match, cut, 0);
        if (outer >= 0 && outer < MIN_BEFORE_BRACKET) {
            int closed = match[outer] + 1;
            if (closed - cut <= MAX_SHIFT && closed <= WHOLE_LIMIT) {
                return closed;
            }
        }
        // Repeat: the new cut may fall inside an earlier span (“…‘…” with the ‘ never closed).
        int open;
        while ((open = openAt(match, cut, MIN_BEFORE_BRACKET)) >= 0) {
            cut = open;
        }
        return cut;
    }

    /** First opening mark in [from, cut) whose span runs past the cut, else -1. */
    private static int openAt(int[] match, int cut, int from) {
        for (int i = from; i < cut; i++) {
            if (match[i] >= cut) {
                return i;
            }
        }
        return -1;
    }

    /** Index of each opening mark's closing mark; one never closed spans to the end, so no cut leaves it dangling. */
    private static int[] matchBrackets(int[] cp) {
        int[] match = new int[cp.length];
        Arrays.fill(match, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < cp.length; i++) {
            int kind = CLOSERS.indexOf(cp[i]);
            if (OPENERS.indexOf(cp[i]) >= 0) {
                open.push(i);
            } else if (kind >= 0 && open.stream().anyMatch(o -> OPENERS.indexOf(cp[o]) == kind)) {
                // Closers without an opener (the seed has some) are ignored rather than unbalancing the rest.
                while (OPENERS.indexOf(cp[open.peek()]) != kind) {
                    match[open.pop()] = cp.length;
                }
                match[open.pop()] = i;
            }
        }
        open.forEach(o -> match[o] = cp.length);
        return match;
    }

    /** Whether cp[cut - 1] and cp[cut] belong to one number or Latin word. */
    private static boolean joined(int[] cp, int cut) {
        return cut > 0 && cut < cp.length
                && (isToken(cp, cut - 1) && isToken(cp, cut) || joinerAt(cp, cut) || joinerAt(cp, cut - 1));
    }

    private static boolean joinerAt(int[] cp, int i) {
        if (i < 1 || i + 1 >= cp.length || JOINERS.indexOf(cp[i]) < 0 || !isToken(cp, i - 1) || !isToken(cp, i + 1)) {
            return false;
        }
        // A comma only groups thousands (1,257); in a list such as "3,5个" it stays a clause mark.
        return cp[i] != ',' || i + 4 <= cp.length && Character.isDigit(cp[i - 1])
                && Arrays.stream(cp, i + 1, i + 4).allMatch(Character::isDigit)
                && (i + 4 == cp.length || !Character.isDigit(cp[i + 4]));
    }

    private static boolean isToken(int[] cp, int i) {
        int c = cp[i];
        if (UNIT_SUFFIXES.indexOf(c) >= 0) {
            return i > 0 && Character.isDigit(cp[i - 1]);
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return Character.isLetterOrDigit(c) && !Character.isIdeographic(c)
                && script != Character.UnicodeScript.HIRAGANA && script != Character.UnicodeScript.KATAKANA;
    }
}
