package org.shegong.region.tagging;

/** The text of an article body for tagging: tags become a space (a place name never spans two paragraphs). */
public final class ArticleText {

    private ArticleText() {
    }

    /** Plain text of {@code html}, entities as a space; cut after {@code limit} characters of output. */
    public static String plain(String html, int limit) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(html.length(), limit));
        int n = html.length();
        for (int i = 0; i < n && out.length() < limit; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end > i && end - i <= 8) {
                    i = end;
                }
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
