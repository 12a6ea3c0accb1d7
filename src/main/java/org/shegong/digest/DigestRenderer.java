package org.shegong.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return sections(properties, entries, Map.of());
    }

    /**
     * The same, with the entries of the sections named in {@code province-sections} grouped under their
     * province (code order, 全国 first; within a province the stored order).
     */
    public static List<RenderedSection> sections(DigestProperties properties, List<DigestEntry> entries,
                                                 Map<Long, EntryProvinces.Province> provinces) {
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
                List<Group> groups = properties.provinceSections().contains(key) ? byProvince(list, provinces)
                        : List.of(new Group(null, List.copyOf(list)));
                sections.add(new RenderedSection(title, List.copyOf(list), groups));
            }
        });
        return sections;
    }

    private static List<Group> byProvince(List<DigestEntry> entries, Map<Long, EntryProvinces.Province> provinces) {
        Map<EntryProvinces.Province, List<DigestEntry>> groups = new TreeMap<>(
                Comparator.comparing(EntryProvinces.Province::code));
        for (DigestEntry entry : entries) {
            groups.computeIfAbsent(provinces.getOrDefault(entry.articleId(), EntryProvinces.Province.NATION),
                    k -> new ArrayList<>()).add(entry);
        }
        List<Group> list = new ArrayList<>();
        groups.forEach((province, grouped) -> list.add(new Group(province.name(), List.copyOf(grouped))));
        return list;
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
            for (Group group : section.groups()) {
                // Under a province heading (h3) the entries go one level down, so the outline stays whole.
                String level = group.heading() == null ? "h3" : "h4";
                if (group.heading() != null) {
                    html.append("<h3>").append(BodyHtml.escape(group.heading())).append("</h3>\n");
                }
                for (DigestEntry entry : group.entries()) {
                    html.append('<').append(level).append("><a href=\"")
                            .append(BodyHtml.escape(baseUrl + SiteUrls.article(entry.articleId()))).append("\">")
                            .append(BodyHtml.escape(entry.title())).append("</a></").append(level).append(">\n");
                    if (!entry.summary().isBlank()) {
                        html.append("<p>").append(BodyHtml.escape(entry.summary())).append("</p>\n");
                    }
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
            for (Group group : section.groups()) {
                if (group.heading() != null) {
                    text.append("\n〔").append(group.heading()).append("〕\n");
                }
                for (DigestEntry entry : group.entries()) {
                    text.append("\n· ").append(entry.title()).append('\n');
                    if (!entry.summary().isBlank()) {
                        text.append("  ").append(entry.summary()).append('\n');
                    }
                    text.append("  ").append(baseUrl).append(SiteUrls.article(entry.articleId())).append('\n');
                }
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

    /** A section heading, its entries in order, and the same entries in groups (one group without a heading). */
    public record RenderedSection(String title, List<DigestEntry> entries, List<Group> groups) {
    }

    /** Entries under a province's name, or (heading null) a section's entries as they are. */
    public record Group(String heading, List<DigestEntry> entries) {
    }
}
