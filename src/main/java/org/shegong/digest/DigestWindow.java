package org.shegong.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a digest covers, both inclusive, in the digest's zone: 2021-08-23..2021-08-29 is
 * "社会工作一周动态 (8.23-8.29)" and gathers items published from 8.23 00:00 to before 8.30 00:00 China time.
 */
public record DigestWindow(LocalDate from, LocalDate to) {

    /** Long enough for any sensible roundup, short enough that a typo (2201) cannot gather the whole archive. */
    public static final int MAX_DAYS = 92;

    public DigestWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("起止日期不能为空");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("结束日期 " + to + " 早于开始日期 " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("时间窗口最长 " + MAX_DAYS + " 天");
        }
    }

    /** The seven days before today (in the zone): what the Monday run gathers. */
    public static DigestWindow pastWeek(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return new DigestWindow(today.minusDays(7), today.minusDays(1));
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the first instant after the last day. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** "社会工作一周动态 (8.23-8.29)": month.day without leading zeros, as the federation writes it. */
    public String title() {
        return "社会工作一周动态 (" + from.getMonthValue() + "." + from.getDayOfMonth() + "-" + to.getMonthValue() + "."
                + to.getDayOfMonth() + ")";
    }

    /** The digest article's external id: stable per window, so saving the same window updates one article. */
    public String externalId() {
        return "digest:" + from + ":" + to;
    }
}
