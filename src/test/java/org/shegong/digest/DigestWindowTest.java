package org.shegong.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.shegong.system.MutableClock;

class DigestWindowTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0}..{1} -> {2}")
    @CsvSource({
            "2021-08-23, 2021-08-29, 社会工作一周动态 (8.23-8.29)",
            "2021-12-27, 2022-01-02, 社会工作一周动态 (12.27-1.2)",
            "2021-09-01, 2021-09-07, 社会工作一周动态 (9.1-9.7)",
            "2021-09-05, 2021-09-05, 社会工作一周动态 (9.5-9.5)"})
    void titleHasMonthDotDayWithoutLeadingZeros(LocalDate from, LocalDate to, String title) {
        assertThat(new DigestWindow(from, to).title()).isEqualTo(title);
    }

    @Test
    void theMondayRunCoversTheSevenDaysBeforeInChinaTime() {
        // Monday 2021-08-30 08:00 in Shanghai is Monday 00:00 UTC.
        MutableClock clock = new MutableClock(Instant.parse("2021-08-30T00:00:00Z"));
        DigestWindow window = DigestWindow.pastWeek(clock, CHINA);
        assertThat(window).isEqualTo(new DigestWindow(LocalDate.parse("2021-08-23"), LocalDate.parse("2021-08-29")));
        assertThat(window.start(CHINA)).isEqualTo(Instant.parse("2021-08-22T16:00:00Z"));
        assertThat(window.end(CHINA)).isEqualTo(Instant.parse("2021-08-29T16:00:00Z"));
        // 07:59 Monday in Shanghai is still Sunday evening in UTC: the zone decides the day, not UTC.
        clock.set(Instant.parse("2021-08-29T23:59:00Z"));
        assertThat(DigestWindow.pastWeek(clock, CHINA).to()).isEqualTo(LocalDate.parse("2021-08-29"));
    }

    @Test
    void badWindowsAreRefusedWithAChineseMessage() {
        assertThatThrownBy(() -> new DigestWindow(LocalDate.parse("2021-08-29"), LocalDate.parse("2021-08-23")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("早于");
        assertThatThrownBy(() -> new DigestWindow(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("最长");
    }

    @Test
    void scheduleDefaultsToMondayEightInShanghaiAndIsConfigurable() {
        DigestProperties defaults = DigestProperties.defaults();
        assertThat(defaults.cron()).isEqualTo("0 0 8 * * MON");
        assertThat(defaults.zone()).isEqualTo(CHINA);
        assertThat(defaults.sections()).extracting(DigestProperties.Section::title)
                .containsExactly("政策参考", "联合会动态", "行业动态");
        DigestProperties friday = new DigestProperties(true, java.time.DayOfWeek.FRIDAY,
                java.time.LocalTime.of(17, 30), ZoneId.of("UTC"), null, null, null, null, null);
        assertThat(friday.cron()).isEqualTo("0 30 17 * * FRI");
    }
}
