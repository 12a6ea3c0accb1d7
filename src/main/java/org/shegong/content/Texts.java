package org.shegong.content;

/** Small text helpers for Chinese content. */
public final class Texts {

    private Texts() {
    }

    /**
     * Trims every kind of space at both ends: String.strip misses the no-break space (U+00A0) that copied web
     * pages are full of, e.g. the one before the seed page's "[详情]".
     */
    public static String trim(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
