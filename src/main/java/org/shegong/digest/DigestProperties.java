package org.shegong.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When and how the weekly digest is composed ({@code shegong.digest.*}). Chinese defaults live here because
 * Spring reads .properties files as ISO-8859-1.
 *
 * @param enabled      whether the weekly schedule runs (generating by hand always works)
 * @param day          the day the draft for the past seven days is generated (default Monday)
 * @param time         the time of day, in {@code zone} (default 08:00)
 * @param zone         the zone of the schedule and of the window's days (default Asia/Shanghai)
 * @param introduction the introduction a new draft starts with
 * @param sections     the sections in order, each fed by columns (slugs)
 * @param columns      the columns (slugs) the digest article itself is placed in
 * @param maxEntriesPerSection at most this many entries per section
 * @param provinceSections the sections (keys) whose entries are grouped under their province's name (行业动态:
 *                     {@code shegong.digest.province-sections=news}); none by default
 */
@ConfigurationProperties("shegong.digest")
public record DigestProperties(Boolean enabled, DayOfWeek day, LocalTime time, ZoneId zone, String introduction,
                               List<Section> sections, List<String> columns, Integer maxEntriesPerSection,
                               List<String> provinceSections) {

    /** The seed digest's own introduction. */
    public static final String DEFAULT_INTRODUCTION = "社工中国网由中国社会工作联合会主办，我们为促进社会工作行业发展提供展示和"
            + "交流平台，实时报道行业动态、政策法规、理论研究等各类最新资讯。现设“社会工作一周动态”栏目，汇总政策参考、"
            + "联合会动态、行业动态等内容，方便读者及时了解一周要闻。";

    public DigestProperties {
        enabled = enabled == null || enabled;
        day = day == null ? DayOfWeek.MONDAY : day;
        time = time == null ? LocalTime.of(8, 0) : time;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        introduction = introduction == null || introduction.isBlank() ? DEFAULT_INTRODUCTION : introduction;
        sections = sections == null || sections.isEmpty() ? List.of(
                new Section("policy", "政策参考", List.of("policy")),
                new Section("federation", "联合会动态", List.of("federation")),
                new Section("news", "行业动态", List.of("news"))) : List.copyOf(sections);
        columns = columns == null || columns.isEmpty() ? List.of("weekly", "news") : List.copyOf(columns);
        maxEntriesPerSection = maxEntriesPerSection == null || maxEntriesPerSection < 1 ? 30 : maxEntriesPerSection;
        provinceSections = provinceSections == null ? List.of() : List.copyOf(provinceSections);
    }

    public static DigestProperties defaults() {
        return new DigestProperties(null, null, null, null, null, null, null, null, null);
    }

    /** A section of the digest: a key stored with its entries, a heading, and the columns that feed it. */
    public record Section(String key, String title, List<String> columns) {

        public Section {
            columns = columns == null ? List.of() : List.copyOf(columns);
            key = key == null || key.isBlank() ? (columns.isEmpty() ? "section" : columns.get(0)) : key;
        }
    }

    /** The Spring cron expression of the weekly run. */
    public String cron() {
        return "%d %d %d * * %s".formatted(time.getSecond(), time.getMinute(), time.getHour(),
                day.name().substring(0, 3));
    }
}
