package org.shegong.editorial.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.shegong.system.Times;

/** Dates typed into the back office's filters (yyyy-MM-dd, China time). */
final class AdminDates {

    private AdminDates() {
    }

    /** The start of the given day plus {@code plusDays}; null when empty; a Chinese message when malformed. */
    static Instant dayStart(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(Times.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期格式不正确，请按 2025-03-01 填写");
        }
    }
}
