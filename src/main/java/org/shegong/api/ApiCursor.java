package org.shegong.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of a list: where the previous page stopped, as (instant, id), encoded base64url so
 * clients do not build it themselves. A cursor the API did not make is refused with 400, never read loosely.
 */
record ApiCursor(Instant at, long id) {

    private static final Pattern FORM = Pattern.compile("(-?\\d{1,12})\\.(\\d{1,9})\\.(\\d{1,18})");
    private static final int MAX_LENGTH = 64;
    /** What every supported database stores (MariaDB's DATETIME starts at year 1000): the dates an article has. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for an absent cursor (the first page). */
    static ApiCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        var m = FORM.matcher(raw);
        if (!m.matches()) {
            throw invalid();
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw invalid();
            }
            return new ApiCursor(at, Long.parseLong(m.group(3)));
        } catch (java.time.DateTimeException | ArithmeticException | NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalid("cursor", "cursor 无效：请原样使用上一页响应中的 next_cursor");
    }
}
