package org.shegong.search;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A page of results.
 *
 * @param query          the cleaned, capped query text that was searched
 * @param total          number of hits (a lower bound when {@code totalIsLowerBound})
 * @param pages          number of pages offered (capped at the configured maximum)
 * @param hits           this page's hits
 * @param status         the index's state, so a page can say it is being rebuilt
 * @param partialHits    on the first page, when few articles contain every word: articles that contain some of
 *                       them, most words first (shown apart, "以下结果未包含全部关键词")
 * @param correction     what the reader may have meant (a typo, pinyin), or null; when {@link Correction#applied()
 *                       applied}, the hits are that text's because the typed one found nothing
 */
public record SearchResults(String query, long total, boolean totalIsLowerBound, int page, int pages,
                            List<SearchHit> hits, IndexStatus status, List<SearchHit> partialHits,
                            Correction correction) {

    /**
     * Another text for the query: a typo's correction (社工占 → 社工站) or dictionary words spelled in pinyin
     * (sgz → 社工站).
     */
    public record Correction(String text, boolean applied, boolean pinyin) {
    }

    public SearchResults(String query, long total, boolean totalIsLowerBound, int page, int pages,
                         List<SearchHit> hits, IndexStatus status) {
        this(query, total, totalIsLowerBound, page, pages, hits, status, List.of(), null);
    }

    public static SearchResults empty(String query, IndexStatus status) {
        return new SearchResults(query, 0, false, 1, 0, List.of(), status);
    }

    public SearchResults withPartialHits(List<SearchHit> partial) {
        return new SearchResults(query, total, totalIsLowerBound, page, pages, hits, status, List.copyOf(partial),
                correction);
    }

    /** These results, for the typed {@code query}, carrying what was searched instead or may be meant. */
    public SearchResults with(String typed, Correction correction) {
        return new SearchResults(typed, total, totalIsLowerBound, page, pages, hits, status, partialHits, correction);
    }

    /** Nothing at all: no article with every word, none with some. */
    public boolean isEmpty() {
        return total == 0 && partialHits.isEmpty();
    }

    /** The total as a page shows it: "1000+" when counting stopped. */
    public String totalText() {
        return totalIsLowerBound ? total + "+" : Long.toString(total);
    }

    /** Page numbers around the current one, as the column pages show them. */
    public List<Integer> window() {
        int from = Math.max(1, page - 4);
        int to = Math.min(pages, page + 4);
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
