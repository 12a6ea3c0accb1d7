package org.shegong.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shegong.content.ListingRepository.Anchor;

/**
 * The listing rows one save removed and added, written into the outbox event's payload in the same transaction,
 * so that {@link ColumnListing} can recount only the blocks of page anchors these rows fall in instead of
 * walking the whole column again. The article is the event's aggregate.
 *
 * <p>Payload format: {@code listing} followed by space-separated {@code -COLUMN@INSTANT} (removed) and
 * {@code +COLUMN@INSTANT} (added) entries, e.g. {@code listing -3@2021-08-27T02:15:30Z +3@2021-08-28T02:00:00Z};
 * a bare {@code listing} says the listing did not change (an edit of the title). A change too long for the
 * payload column is written as no payload, which readers treat as unknown.
 */
public record ListingChange(long articleId, List<Row> removed, List<Row> added) {

    static final String PREFIX = "listing";
    static final int MAX_PAYLOAD = 2_000; // outbox_event.payload is VARCHAR(2000)

    public ListingChange {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /** One listing row of the article: the column it is listed in and the time it is listed under. */
    public record Row(long columnId, Instant publishedAt) {
    }

    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    /** Every row this change touched, as positions in their columns' listing order. */
    public List<Touched> touched() {
        List<Touched> all = new ArrayList<>(removed.size() + added.size());
        for (List<Row> rows : List.of(removed, added)) {
            rows.forEach(row -> all.add(new Touched(row.columnId(), new Anchor(row.publishedAt(), articleId))));
        }
        return all;
    }

    /** A position in one column's listing that a change added or removed. */
    public record Touched(long columnId, Anchor position) {
    }

    /** The outbox payload, or null when the change does not fit (readers then fall back to a full walk). */
    public String payload() {
        StringBuilder text = new StringBuilder(PREFIX);
        removed.forEach(row -> text.append(" -").append(row.columnId()).append('@').append(row.publishedAt()));
        added.forEach(row -> text.append(" +").append(row.columnId()).append('@').append(row.publishedAt()));
        return text.length() <= MAX_PAYLOAD ? text.toString() : null;
    }

    /** The change a payload describes; empty when there is none or it is not a listing change. */
    public static Optional<ListingChange> parse(long articleId, String payload) {
        if (payload == null || !(payload.equals(PREFIX) || payload.startsWith(PREFIX + " "))) {
            return Optional.empty();
        }
        List<Row> removed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        String[] entries = payload.substring(PREFIX.length()).trim().split(" ");
        try {
            for (String entry : entries) {
                if (entry.isEmpty()) {
                    continue;
                }
                int at = entry.indexOf('@');
                Row row = new Row(Long.parseLong(entry.substring(1, at)), Instant.parse(entry.substring(at + 1)));
                switch (entry.charAt(0)) {
                    case '-' -> removed.add(row);
                    case '+' -> added.add(row);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            // NumberFormatException, DateTimeParseException, a missing '@': not a payload this class wrote.
            return Optional.empty();
        }
        return Optional.of(new ListingChange(articleId, removed, added));
    }
}
