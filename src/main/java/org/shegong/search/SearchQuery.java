package org.shegong.search;

import java.time.LocalDate;
import java.util.Set;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;

/**
 * A search as a reader (or, later, an editor) asks it. {@code statuses} is explicit so the back office can
 * search drafts and pending items through the same engine; the public site always asks for LIVE only.
 *
 * @param text      what was typed, as typed (the engine cleans and caps it)
 * @param columnId  only articles in this column, or null
 * @param kind      only this kind, or null
 * @param from      published on or after this day (China Standard Time), or null
 * @param to        published on or before this day, or null
 * @param sort      relevance or newest first
 * @param page      1-based page number
 * @param statuses  which article states may be found; never empty
 */
public record SearchQuery(String text, Long columnId, Kind kind, LocalDate from, LocalDate to, Sort sort, int page,
                          Set<ArticleStatus> statuses) {

    public enum Sort { RELEVANCE, NEWEST }

    public SearchQuery {
        text = text == null ? "" : text;
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(1, page);
        statuses = Set.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one article status");
        }
    }

    /** What the public site searches: live articles only. */
    public static SearchQuery reader(String text, Long columnId, Kind kind, LocalDate from, LocalDate to, Sort sort,
                                     int page) {
        return new SearchQuery(text, columnId, kind, from, to, sort, page, Set.of(ArticleStatus.LIVE));
    }

    public static SearchQuery simple(String text) {
        return reader(text, null, null, null, null, Sort.RELEVANCE, 1);
    }
}
