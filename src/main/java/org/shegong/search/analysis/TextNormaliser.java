package org.shegong.search.analysis;

import java.util.Map;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The character folding applied to indexed text and queries alike: traditional → simplified (and variant
 * characters, see {@link TraditionalFolding}), full-width Latin letters and digits → half-width, lower case. Every mapping is one char to one
 * char, so offsets in folded text are offsets in the original (the highlighter relies on it).
 */
public final class TextNormaliser {

    private static final Map<Character, Character> TRADITIONAL = TraditionalFolding.table();
    private static final NormalizeCharMap CHAR_MAP = charMap();
    private static final char[] FOLDED = table();

    private TextNormaliser() {
    }

    public static char fold(char c) {
        return FOLDED[c];
    }

    /**
     * Every char's folded form, computed once: folding runs over every character of every highlighted text
     * and every indexed body, and a map lookup there boxed each character.
     */
    private static char[] table() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            Character simplified = TRADITIONAL.get(c);
            table[i] = Character.toLowerCase(simplified != null ? simplified : c);
        }
        return table;
    }

    public static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** The traditional → simplified part, for a {@code MappingCharFilter} in front of the tokenizers. */
    static NormalizeCharMap traditionalToSimplified() {
        return CHAR_MAP;
    }

    private static NormalizeCharMap charMap() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        TRADITIONAL.forEach((t, s) -> builder.add(String.valueOf(t), String.valueOf(s)));
        return builder.build();
    }
}
