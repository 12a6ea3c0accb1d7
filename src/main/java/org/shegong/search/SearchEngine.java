package org.shegong.search;

import java.util.List;

/**
 * The site's search, narrow enough that a search cluster (OpenSearch) could stand behind it for very large
 * archives. Indexing is not part of it: the engine follows the outbox by itself.
 */
public interface SearchEngine {

    /** Never throws for any text a reader can type; an empty or meaningless query gives no results. */
    SearchResults search(SearchQuery query);

    /** Completions for what has been typed so far: sector terms and titles. */
    List<Suggestion> suggest(String prefix, int limit);

    /** For a query that found nothing: dictionary words and synonyms the reader may have meant. */
    List<String> alternatives(String query, int limit);

    IndexStatus status();

    /**
     * How many of the query's matches lie in each province, as if it had no region filter (so a reader can
     * switch to another province); empty for an empty query.
     */
    RegionCounts regionCounts(SearchQuery query);

    /**
     * @param byProvince matches per province code (absent: none)
     * @param capped     counting stopped at a bound: the counts are those of the newest matches
     */
    record RegionCounts(java.util.Map<String, Long> byProvince, boolean capped) {

        public static final RegionCounts NONE = new RegionCounts(java.util.Map.of(), false);
    }

    /**
     * A completion offered while typing.
     *
     * @param text     what to put in the search box
     * @param type     {@code term} for a sector term, {@code title} for an article's title
     * @param url      the article, for a title; null for a term
     */
    record Suggestion(String text, String type, String url) {
    }
}
