package org.shegong.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times are stored as UTC wall-clock values (portable across H2, PostgreSQL and MariaDB, none of which
 * agree on zoned types) and shown in China Standard Time.
 */
public final class Times {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter ARTICLE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter ARTICLE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Times() {
    }

    /** Microsecond precision: what every supported database keeps, so a value read back equals the one written. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static String listDate(Instant instant) {
        return instant == null ? "" : LIST_DATE.format(instant.atZone(CHINA));
    }

    public static String articleDate(Instant instant) {
        return instant == null ? "" : ARTICLE_DATE.format(instant.atZone(CHINA));
    }

    public static String articleDateTime(Instant instant) {
        return instant == null ? "" : ARTICLE_DATE_TIME.format(instant.atZone(CHINA));
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : ISO_OFFSET.format(instant.atZone(CHINA));
    }
}
