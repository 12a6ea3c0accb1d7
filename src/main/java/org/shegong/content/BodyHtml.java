package org.shegong.content;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Bodies arrive as HTML or as plain text. HTML is recognised by its block elements (a stray inline tag in
 * a plain-text line is text); plain text lines become paragraphs; HTML is cleaned against an allow-list
 * so no script, handler or foreign frame can reach a reader's browser.
 */
public final class BodyHtml {

    private static final Pattern TAG = Pattern.compile("<(p|div|br|h[1-6]|ul|ol|table|img|section|article|blockquote|figure|pre)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr")
            .addProtocols("img", "src", "http", "https", "data")
            .preserveRelativeLinks(true);
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private BodyHtml() {
    }

    /** Returns safe HTML for the given body, or null when there is no body text. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String html = looksLikeHtml(raw) ? clean(raw) : paragraphs(raw);
        return plainText(html).isBlank() && !html.contains("<img") ? null : html;
    }

    public static boolean looksLikeHtml(String raw) {
        return TAG.matcher(raw).find();
    }

    public static String clean(String html) {
        return Jsoup.clean(html, "http://localhost/", ALLOWED, OUTPUT).trim();
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                html.append("<p>").append(escape(trimmed)).append("</p>\n");
            }
        }
        return html.toString().trim();
    }

    public static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
