package org.shegong.digest.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.shegong.digest.DigestWindow;

/**
 * The date range an editor types to generate a digest by hand. The back office allows at most 31 days: a
 * longer roundup is almost always a typo, and the composer caps each section anyway.
 */
final class RequestedWindow {

    static final int MAX_DAYS = 31;

    private RequestedWindow() {
    }

    /** The window, or an IllegalArgumentException with the Chinese message the form shows. */
    static DigestWindow parse(String from, String to) {
        LocalDate start = date(from, "开始日期");
        LocalDate end = date(to, "结束日期");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("时间范围最长 " + MAX_DAYS + " 天");
        }
        return new DigestWindow(start, end);
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("请填写" + name);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "格式不正确，请按 2025-03-01 填写");
        }
    }
}
