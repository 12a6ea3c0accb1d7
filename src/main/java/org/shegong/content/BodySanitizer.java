package org.shegong.content;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.shegong.content.BodyHtml;

/**
 * Cleans an editor's body HTML against an allow-list before it is stored: structure (headings, paragraphs,
 * lists, tables, quotes), emphasis, links and images stay; scripts, event handlers, styles, frames, forms and
 * every unknown element or attribute go. What is pasted from Word or a web page is reduced to the same set.
 * The body's own headings start at h2, because the article title is the page's h1.
 */
public final class BodySanitizer {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,4}%?");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements((name, attributes) -> "h2", "h1")
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                    "code", "strong", "b", "em", "i", "u", "s", "sub", "sup", "table", "thead", "tbody", "tfoot",
                    "tr", "th", "td", "caption", "figure", "figcaption", "a", "img", "span", "div")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .requireRelNofollowOnLinks()
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(SIZE).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
            .allowAttributes("scope").matching(Pattern.compile("row|col|rowgroup|colgroup")).onElements("th")
            .toFactory();

    private BodySanitizer() {
    }

    /** Safe HTML for the body; plain text becomes paragraphs; null when nothing is left. */
    public static String sanitize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!BodyHtml.looksLikeHtml(raw) && !raw.contains("<")) {
            return BodyHtml.normalise(raw);
        }
        String clean = POLICY.sanitize(raw).strip();
        return BodyHtml.plainText(clean).isBlank() && !clean.contains("<img") ? null : clean;
    }
}
