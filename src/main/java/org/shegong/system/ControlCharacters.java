package org.shegong.system;

/**
 * Takes out what no text field should hold and XML 1.0 forbids: C0 control characters other than tab, line
 * feed and carriage return, U+FFFE and U+FFFF, and UTF-16 surrogates without their pair. One NUL in one
 * article broke the whole Atom feed for every reader (issue 11); text is cleaned on the way in (articles,
 * revisions, imports) and again in every XML and CSV writer, for rows stored before.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text without the forbidden characters; the same instance when there were none; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                allowed = !Character.isLowSurrogate(c)
                        && (c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r');
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
