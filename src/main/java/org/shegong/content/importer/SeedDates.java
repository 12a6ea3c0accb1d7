package org.shegong.content.importer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.shegong.system.Times;

/**
 * Believable dates for a listing page that has none: the page's order is kept, one item (the anchor, e.g. the
 * digest "社会工作一周动态 (8.23-8.29)") falls on a known day, and the others are spread before and after it
 * by zero to two days each, at office hours, at most two a day. The spacing comes from a hash of each title,
 * so the same seed always gets the same dates and the demo never shows the day it was installed.
 */
final class SeedDates {

    /** Days between neighbours, picked by a title's hash: mostly one, sometimes none or two. */
    private static final int[] STEPS = {1, 1, 1, 0, 2, 1, 0, 1};

    private SeedDates() {
    }

    /** The items re-dated so that {@code items.get(anchor)} is published on {@code anchorDay}. */
    static List<ImportItem> around(List<ImportItem> items, int anchor, LocalDate anchorDay) {
        if (items.isEmpty()) {
            return items;
        }
        int n = items.size();
        int[] offset = new int[n];
        for (int i = anchor + 1; i < n; i++) {
            offset[i] = offset[i - 1] - step(items.get(i), offset, i - 1, i - 2);
        }
        for (int i = anchor - 1; i >= 0; i--) {
            offset[i] = offset[i + 1] + step(items.get(i), offset, i + 1, i + 2);
        }
        List<ImportItem> dated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean sharesDayWithNewer = i > 0 && offset[i - 1] == offset[i];
            boolean sharesDayWithOlder = i + 1 < n && offset[i + 1] == offset[i];
            // Two on one day: the newer in the afternoon, the older in the morning, so the order holds.
            LocalTime time = sharesDayWithNewer ? morning(items.get(i))
                    : sharesDayWithOlder ? afternoon(items.get(i)) : officeHours(items.get(i));
            ZonedDateTime at = anchorDay.plusDays(offset[i]).atTime(time).atZone(Times.CHINA);
            dated.add(withPublishedAt(items.get(i), at.toInstant()));
        }
        return dated;
    }

    /** The index of the first item whose title contains {@code marker}, or 0. */
    static int indexOf(List<ImportItem> items, String marker) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).title().contains(marker)) {
                return i;
            }
        }
        return 0;
    }

    /** A step of zero days only when the neighbour did not already share its day, so a day never holds three. */
    private static int step(ImportItem item, int[] offset, int neighbour, int beyond) {
        int step = STEPS[hash(item) % STEPS.length];
        boolean neighbourShares = beyond >= 0 && beyond < offset.length && offset[beyond] == offset[neighbour];
        return step == 0 && neighbourShares ? 1 : step;
    }

    private static LocalTime morning(ImportItem item) {
        return LocalTime.of(9 + hash(item) % 3, hash(item) / 7 % 60);
    }

    private static LocalTime afternoon(ImportItem item) {
        return LocalTime.of(14 + hash(item) % 4, hash(item) / 7 % 60);
    }

    private static LocalTime officeHours(ImportItem item) {
        return LocalTime.of(9 + hash(item) % 9, hash(item) / 7 % 60);
    }

    private static int hash(ImportItem item) {
        CRC32 crc = new CRC32();
        crc.update(item.title().getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7fffffff);
    }

    private static ImportItem withPublishedAt(ImportItem i, java.time.Instant at) {
        return new ImportItem(i.line(), i.externalId(), i.columns(), i.title(), i.subtitle(), i.summary(), i.body(), at,
                i.keepStoredPublishedAt(), i.source(), i.author(), i.editor(), i.tags(), i.kind(), i.featured(),
                i.region(), i.fields(), i.status());
    }
}
