package org.shegong.content;

import java.time.Instant;
import java.util.Collection;

/**
 * What the back office's article list asks for; every field is optional. {@code ids} restricts the list to
 * the given articles (the workflow passes the articles in one editorial state). {@code after} is the seek
 * position: the last row of the previous page.
 */
public record ArticleFilter(Long columnId, ArticleStatus status, Kind kind, String author, String titleContains,
                            Instant updatedFrom, Instant updatedTo, Collection<Long> ids, Cursor after,
                            Within within) {

    public ArticleFilter(Long columnId, ArticleStatus status, Kind kind, String author, String titleContains,
                         Instant updatedFrom, Instant updatedTo, Collection<Long> ids, Cursor after) {
        this(columnId, status, kind, author, titleContains, updatedFrom, updatedTo, ids, after, null);
    }

    /** Only these articles, for someone who may not see all: the ones filed in a column, or the listed ids. */
    public ArticleFilter within(Within scope) {
        return new ArticleFilter(columnId, status, kind, author, titleContains, updatedFrom, updatedTo, ids, after,
                scope);
    }

    /** Articles filed in any of {@code columns}, or among {@code articleIds}. */
    public record Within(Collection<Long> columns, Collection<Long> articleIds) {
        public Within {
            columns = java.util.List.copyOf(columns);
            articleIds = java.util.List.copyOf(articleIds);
        }
    }

    /** A position in the list's order (updated_at descending, id descending). */
    public record Cursor(Instant updatedAt, long id) {

        public String encode() {
            return updatedAt.getEpochSecond() + "." + updatedAt.getNano() + "." + id;
        }

        /** Parses {@link #encode()}'s form; null for anything else, so a mangled link shows page one. */
        public static Cursor parse(String raw) {
            if (raw == null || !raw.matches("\\d{1,12}\\.\\d{1,9}\\.\\d{1,18}")) {
                return null;
            }
            String[] parts = raw.split("\\.");
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        }
    }
}
