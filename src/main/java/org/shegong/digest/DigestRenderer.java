package org.shegong.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.content.BodyHtml;
import org.shegong.system.web.SiteUrls;

/**
 * Renders a digest as the article body (HTML) and as the newsletter's plain text. Every text is escaped;
 * links are absolute so the same HTML works on the site, in feeds and in mail.
 */
public final class DigestRenderer {

    private DigestRenderer() {
    }

    /** Sections in configured order with their entries; empty sections are left out. */
    public static List<RenderedSection> sections(DigestProperties properties, List<DigestEntry> entries) {
        Map<String, List<DigestEntry>> bySection = new LinkedHashMap<>();
        properties.sections().forEach(s -> bySection.put(s.key(), new ArrayList<>()));
        for (DigestEntry entry : entries) {
            bySection.computeIfAbsent(entry.sectionKey(), k -> new ArrayList<>()).add(entry);
        }
        List<RenderedSection> sections = new ArrayList<>();
        bySection.forEach((key, list) -> {
            if (!list.isEmpty()) {
                String title = properties.sections().stream().filter(s -> s.key().equals(key))
                        .map(DigestProperties.Section::title).findFirst().orElse(key);
                sections.add(new RenderedSection(title, List.copyOf(list)));
            }
        });
        return sections;
    }

    /**
     * The body stored with the digest's article: links are site-relative, so the stored content never freezes
     * an address (the site may move, or be served under another host); pages resolve them against their own.
     */
    public static String html(String introduction, List<RenderedSection> sections) {
        return html(introduction, sections, "");
    }

    /** The body with absolute links, for a mail: {@code baseUrl} is the configured public address at send time. */
    public static String html(String introduction, List<RenderedSection> sections, String baseUrl) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<p>").append(BodyHtml.escape(introduction)).append("</p>\n");
        for (RenderedSection section : sections) {
            html.append("<h2>").append(BodyHtml.escape(section.title())).append("</h2>\n");
            for (DigestEntry entry : section.entries()) {
                html.append("<h3><a href=\"").append(BodyHtml.escape(baseUrl + SiteUrls.article(entry.articleId())))
                        .append("\">").append(BodyHtml.escape(entry.title())).append("</a></h3>\n");
                if (!entry.summary().isBlank()) {
                    html.append("<p>").append(BodyHtml.escape(entry.summary())).append("</p>\n");
                }
            }
        }
        return html.toString();
    }

    public static String text(String title, String introduction, List<RenderedSection> sections, String baseUrl) {
        StringBuilder text = new StringBuilder(4096);
        text.append(title).append("\n\n").append(introduction).append("\n");
        for (RenderedSection section : sections) {
            text.append("\n【").append(section.title()).append("】\n");
            for (DigestEntry entry : section.entries()) {
                text.append("\n· ").append(entry.title()).append('\n');
                if (!entry.summary().isBlank()) {
                    text.append("  ").append(entry.summary()).append('\n');
                }
                text.append("  ").append(baseUrl).append(SiteUrls.article(entry.articleId())).append('\n');
            }
        }
        return text.toString();
    }

    /** "本期汇总政策参考 2 条、行业动态 5 条。": the digest article's summary. */
    public static String summary(List<RenderedSection> sections) {
        if (sections.isEmpty()) {
            return "本期暂无收录内容。";
        }
        List<String> parts = sections.stream().map(s -> s.title() + " " + s.entries().size() + " 条").toList();
        return "本期汇总" + String.join("、", parts) + "。";
    }

    /** A section heading and its entries in order. */
    public record RenderedSection(String title, List<DigestEntry> entries) {
    }
}
