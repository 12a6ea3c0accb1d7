package org.shegong.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Kind;
import org.springframework.stereotype.Component;

/** Reads the query parameters every list shares; anything it cannot read is a 400 naming the parameter. */
@Component
class ApiParams {

    private static final int MAX_DIGITS = 9;
    private static final int MAX_TAG = 64;

    private final ApiProperties properties;
    private final ColumnService columns;

    ApiParams(ApiProperties properties, ColumnService columns) {
        this.properties = properties;
        this.columns = columns;
    }

    int limit(String raw) {
        if (blank(raw)) {
            return properties.defaultLimit();
        }
        int max = properties.maxLimit();
        String text = raw.strip();
        if (text.length() > MAX_DIGITS || !text.chars().allMatch(Character::isDigit)
                || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
            throw ApiProblem.invalid("limit", "limit 应是 1 到 " + max + " 之间的整数");
        }
        return Integer.parseInt(text);
    }

    /** A visible column by slug, or null when none was asked for. */
    Column column(String raw) {
        if (blank(raw)) {
            return null;
        }
        return columns.bySlug(raw.strip()).filter(Column::visible)
                .orElseThrow(() -> ApiProblem.invalid("column", "没有这个栏目：" + shorten(raw)));
    }

    static Kind kind(String raw) {
        if (blank(raw)) {
            return null;
        }
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(raw.strip())) {
                return k;
            }
        }
        throw ApiProblem.invalid("kind", "kind 应是 news、notice、infographic、policy、video、digest 之一");
    }

    static LocalDate date(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            if (raw.strip().length() == 10) {
                LocalDate day = LocalDate.parse(raw.strip());
                // Beyond what MariaDB's DATETIME holds would be a database error, not an empty list.
                if (day.getYear() >= 1900 && day.getYear() <= 9998) {
                    return day;
                }
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw ApiProblem.invalid(name, name + " 应是 1900 到 9998 年间的日期，格式为 2021-08-27");
    }

    static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid("date-range", "from 不能晚于 to");
        }
    }

    static String tag(String raw) {
        if (blank(raw)) {
            return null;
        }
        if (raw.strip().length() > MAX_TAG) {
            throw ApiProblem.invalid("tag", "tag 最长 " + MAX_TAG + " 个字符");
        }
        return raw.strip();
    }

    static long id(String name, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiProblem.invalid(name, name + " 应是正整数");
        }
        return Long.parseLong(text);
    }

    static String lower(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String shorten(String raw) {
        String text = raw.strip();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
