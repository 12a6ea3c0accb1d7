package org.shegong.editorial.diff;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of a body: one line per paragraph, heading, list item or table row, each ending in a line
 * break (so a paragraph added at the end does not change the one before it), and a diff matches paragraphs
 * before characters. Images count as their alt text in brackets, so a swapped picture shows.
 */
public final class RevisionText {

    private RevisionText() {
    }

    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text().replaceAll("\\s+", " "));
                } else if (node instanceof Element e && e.nameIs("br")) {
                    text.append('\n');
                } else if (node instanceof Element e && e.nameIs("img")) {
                    text.append("[图片").append(e.attr("alt").isBlank() ? "" : "：" + e.attr("alt")).append(']');
                } else if (node instanceof Element e && (e.nameIs("td") || e.nameIs("th")) && e.elementSiblingIndex() > 0) {
                    text.append(" | ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !e.nameIs("td") && !e.nameIs("th")) {
                    text.append('\n');
                }
            }
        });
        StringBuilder clean = new StringBuilder();
        for (String line : text.toString().split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                clean.append(stripped).append('\n');
            }
        }
        return clean.toString();
    }
}
