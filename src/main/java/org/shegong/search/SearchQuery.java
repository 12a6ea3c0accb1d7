package org.shegong.search;

import java.time.LocalDate;
import org.shegong.content.ArticleFilter;
import org.shegong.content.Kind;

/**
 * A search as a reader or an editor asks it. Readers find the public text of live articles only; editors, in the
 * back office, find every article's newest text through the same engine (ADR 0015).
 *
 * @param text      what was typed, as typed (the engine cleans and caps it)
 * @param columnId  only articles in this column, or null
 * @param kind      only this kind, or null
 * @param from      published on or after this day (China Standard Time), or null
 * @param to        published on or before this day, or null
 * @param sort      relevance or newest first
 * @param page      1-based page number
 * @param audience  who searches, and so which documents may be found
 * @param stage     editors only: just articles in this editorial stage (a workflow state name), or null for all
 * @param within    editors only: just the articles this person may see, or null for all
 * @param region    only articles tagged with this region or a place under it (a region code), or null
 */
public record SearchQuery(String text, Long columnId, Kind kind, LocalDate from, LocalDate to, Sort sort, int page,
                          Audience audience, String stage, ArticleFilter.Within within, String region) {

    public enum Sort { RELEVANCE, NEWEST }

    public enum Audience { READERS, EDITORS }

    public SearchQuery {
        text = text == null ? "" : text;
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(1, page);
        audience = audience == null ? Audience.READERS : audience;
        if (audience == Audience.READERS && (stage != null || within != null)) {
            throw new IllegalArgumentException("readers cannot search editorial stages");
        }
    }

    /** What the public site searches: live articles only. */
    public static SearchQuery reader(String text, Long columnId, Kind kind, LocalDate from, LocalDate to, Sort sort,
                                     int page) {
        return new SearchQuery(text, columnId, kind, from, to, sort, page, Audience.READERS, null, null, null);
    }

    /** What the back office searches: every article's newest text, optionally only in one editorial stage. */
    public static SearchQuery editors(String text, Long columnId, Kind kind, String stage, Sort sort, int page) {
        return new SearchQuery(text, columnId, kind, null, null, sort, page, Audience.EDITORS, stage, null, null);
    }

    /** The same search limited to the articles someone may see (null: all of them). */
    public SearchQuery within(ArticleFilter.Within scope) {
        return new SearchQuery(text, columnId, kind, from, to, sort, page, audience, stage, scope, region);
    }

    /** The same search for another text (a correction searched instead). */
    public SearchQuery withText(String other) {
        return new SearchQuery(other, columnId, kind, from, to, sort, page, audience, stage, within, region);
    }

    /** The same search limited to a region and the places under it (null: anywhere). */
    public SearchQuery inRegion(String code) {
        return new SearchQuery(text, columnId, kind, from, to, sort, page, audience, stage, within, code);
    }

    public static SearchQuery simple(String text) {
        return reader(text, null, null, null, null, Sort.RELEVANCE, 1);
    }
}
