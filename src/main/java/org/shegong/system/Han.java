package org.shegong.system;

/**
 * Whether a character is Chinese: Unicode's script Han, the one test the query parser, the index's bigrams,
 * summaries and related reading share. Its radicals, 々 and 〇 count; kana, bopomofo and CJK punctuation do not.
 */
public final class Han {

    private Han() {
    }

    /** Whether {@code codePoint} is of script Han. A lone surrogate is not. */
    public static boolean is(int codePoint) {
        // No Han below the CJK radicals; the unified ideographs are nearly every Chinese character a text holds.
        // Only the rest goes to the script table, whose binary search was 1 % of a search's CPU (session 28).
        // The fast range stops at U+9FEF: Java 17 (Unicode 13) leaves U+9FFD-9FFF unassigned, newer ones do not.
        if (codePoint < 0x2E80) {
            return false;
        }
        return codePoint >= 0x4E00 && codePoint <= 0x9FEF
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Whether every character of {@code text} is of script Han (true for an empty text). */
    public static boolean all(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (!is(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
