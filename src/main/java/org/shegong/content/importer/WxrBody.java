package org.shegong.content.importer;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.shegong.content.BodyHtml;
import org.shegong.content.BodySanitizer;

/**
 * Turns a WordPress post's content into a portal body: Gutenberg block comments go, {@code [caption]} becomes a
 * figure with its caption, {@code [embed]} a link, other shortcodes are unwrapped (enclosing) or dropped (with
 * attributes); classic-editor text, which WordPress paragraphs only when it shows it (wpautop), gets its
 * paragraphs here; addresses of the old site's uploads are handed to {@code uploads} to be rewritten; and the
 * result passes the same sanitiser as an editor's body ({@link BodySanitizer}).
 */
final class WxrBody {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");
    private static final Pattern CAPTION = Pattern.compile(
            "\\[(wp_caption|caption)([^\\]]*)\\]([\\s\\S]*?)\\[/\\1\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_IMAGE = Pattern.compile(
            "^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)([\\s\\S]*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\]\\s*(https?://[^\\s\\[<\"]+)\\s*\\[/embed\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCLOSING = Pattern.compile("\\[([a-z][a-z0-9_-]*)(\\s[^\\]]*)?\\]([\\s\\S]*?)\\[/\\1\\]");
    private static final Pattern WITH_ATTRIBUTES = Pattern.compile("\\[/?[a-z][a-z0-9_-]*\\s+[^\\]\\[]*=[^\\]\\[]*/?\\]");
    private static final Pattern BARE_MEDIA = Pattern.compile("\\[/?(gallery|playlist|audio|video|embed)\\s*/?\\]");
    private static final Pattern STARTS_WITH_BLOCK = Pattern.compile(
            "^<(p|div|h[1-6]|ul|ol|li|table|figure|blockquote|pre|hr|section|dl|address)\\b", Pattern.CASE_INSENSITIVE);

    private WxrBody() {
    }

    /**
     * The sanitised body, or null when nothing is left. {@code uploads} gets the path inside the uploads folder of
     * each picture or link to the old site's uploads and answers its new address, or null to keep the old one.
     */
    static String convert(String content, String baseUrl, UnaryOperator<String> uploads) {
        if (content == null || content.isBlank()) {
            return null;
        }
        boolean blocks = content.contains("<!-- wp:");
        String html = BLOCK_COMMENT.matcher(content).replaceAll("");
        html = shortcodes(html);
        if (!blocks) {
            html = autop(html);
        }
        Document document = Jsoup.parseBodyFragment(html);
        for (Element image : document.select("img[src]")) {
            rewrite(image, "src", baseUrl, uploads);
        }
        for (Element link : document.select("a[href]")) {
            rewrite(link, "href", baseUrl, uploads);
        }
        document.outputSettings().prettyPrint(false);
        return BodySanitizer.sanitize(document.body().html());
    }

    static String shortcodes(String html) {
        String out = CAPTION.matcher(html).replaceAll(WxrBody::figure);
        out = EMBED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                "<p><a href=\"" + BodyHtml.escape(m.group(1)) + "\">" + BodyHtml.escape(m.group(1)) + "</a></p>"));
        String before;
        do {
            before = out;
            out = ENCLOSING.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(3)));
        } while (!out.equals(before));
        out = WITH_ATTRIBUTES.matcher(out).replaceAll("");
        return BARE_MEDIA.matcher(out).replaceAll("");
    }

    /** [caption …]<img …> 说明[/caption] → &lt;figure>&lt;img …>&lt;figcaption>说明&lt;/figcaption>&lt;/figure>. */
    private static String figure(java.util.regex.MatchResult caption) {
        Matcher inner = CAPTION_IMAGE.matcher(caption.group(3));
        if (!inner.matches()) {
            return Matcher.quoteReplacement(caption.group(3));
        }
        String text = inner.group(2).strip();
        if (text.isEmpty()) {
            Matcher attribute = CAPTION_ATTRIBUTE.matcher(caption.group(2));
            text = attribute.find() ? attribute.group(1) : "";
        }
        String figure = "\n\n<figure>" + inner.group(1) + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>")
                + "</figure>\n\n";
        return Matcher.quoteReplacement(figure);
    }

    /** WordPress's wpautop, reduced: blank lines part paragraphs, single line breaks become &lt;br>. */
    static String autop(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        for (String chunk : html.split("\\n\\s*\\n")) {
            String text = chunk.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (STARTS_WITH_BLOCK.matcher(text).find()) {
                out.append(text);
            } else {
                out.append("<p>").append(text.replaceAll("\\s*\\n\\s*", "<br>\n")).append("</p>");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void rewrite(Element element, String attribute, String baseUrl, UnaryOperator<String> uploads) {
        String url = element.attr(attribute).strip();
        if (!ofSite(url, baseUrl)) {
            return;
        }
        String path = WxrSite.uploadsPath(url);
        if (path != null) {
            String replaced = uploads.apply(path);
            if (replaced != null) {
                element.attr(attribute, replaced);
            }
        }
    }

    /** The old site's own address, with either scheme, or a root-relative one. */
    private static boolean ofSite(String url, String baseUrl) {
        if (url.startsWith("/wp-content/uploads/")) {
            return true;
        }
        String site = withoutScheme(baseUrl);
        return !site.isEmpty() && withoutScheme(url).startsWith(site + "/");
    }

    private static String withoutScheme(String url) {
        String u = url.strip();
        int at = u.indexOf("//");
        u = at >= 0 && at <= 6 ? u.substring(at + 2) : u;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
