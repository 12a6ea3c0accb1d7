package org.shegong.content.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.content.KindFields;
import org.shegong.content.Texts;
import org.shegong.system.Times;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one line of the JSON Lines interchange format (field names fixed by shared/samples/articles.jsonl:
 * id, column, title, summary, body, published_at, source, region; also author, editor, tags, kind, featured).
 */
final class JsonLinesParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The item-type fields an import line may carry; the file ones may be paths relative to the import file. */
    static final List<String> FIELD_NAMES = List.of("cover", "notice_start", "notice_end", "notice_contact", "image",
            "transcript", "doc_number", "issuer", "written_on", "validity", "attachment", "video", "poster",
            "external");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private JsonLinesParser() {
    }

    static ImportItem parse(int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ImportRejected("不是有效的 JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ImportRejected("每行应是一个 JSON 对象");
        }
        String id = scalar(node, "id");
        String title = scalar(node, "title");
        if (title == null || title.isBlank()) {
            throw new ImportRejected("缺少标题 (title)");
        }
        String published = scalar(node, "published_at");
        if (published == null || published.isBlank()) {
            throw new ImportRejected("缺少发布时间 (published_at)");
        }
        return new ImportItem(line, id == null ? null : id.strip(), strings(node, "column"), Texts.trim(title),
                trimmed(node, "subtitle"), trimmed(node, "summary"), scalar(node, "body"), instant(published), false,
                trimmed(node, "source"), trimmed(node, "author"), trimmed(node, "editor"), strings(node, "tags"),
                trimmed(node, "kind"), bool(node, "featured"), trimmed(node, "region"), fields(node));
    }

    /** The item-type fields given, by the names {@link KindFields#toMap()} uses (a transcript keeps its lines). */
    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : FIELD_NAMES) {
            String value = scalar(node, name);
            if (value != null && !value.isBlank()) {
                fields.put(name, value.strip());
            }
        }
        return fields;
    }

    /** ISO-8601 with an offset; a time without offset, or a bare date, is read as China Standard Time. */
    static Instant instant(String value) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the local forms below
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(Times.CHINA).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v, SPACED).atZone(Times.CHINA).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(Times.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw new ImportRejected("发布时间 (published_at) 无法识别: " + abbreviate(v));
        }
    }

    private static String scalar(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            throw new ImportRejected("字段 " + field + " 应是文本");
        }
        return value.asString();
    }

    private static String trimmed(JsonNode node, String field) {
        String value = scalar(node, field);
        return value == null || Texts.trim(value).isEmpty() ? null : Texts.trim(value);
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asString().strip();
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        if (text.equals("false") || text.equals("0") || text.isEmpty()) {
            return false;
        }
        throw new ImportRejected("字段 " + field + " 应是 true 或 false");
    }

    /** A list given as a JSON array, or as one string with items separated by commas (tags: "社工站,三社联动"). */
    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isContainer()) {
                    throw new ImportRejected("字段 " + field + " 的元素应是文本");
                }
                add(out, element.asString());
            }
            return out;
        }
        if (value.isObject()) {
            throw new ImportRejected("字段 " + field + " 应是文本或文本数组");
        }
        for (String part : value.asString().split("[,，、]")) {
            add(out, part);
        }
        return out;
    }

    private static void add(List<String> out, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty() && !out.contains(v)) {
            out.add(v);
        }
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
