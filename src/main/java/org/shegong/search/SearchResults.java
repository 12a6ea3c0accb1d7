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
 */
public record SearchResults(String query, long total, boolean totalIsLowerBound, int page, int pages,
                            List<SearchHit> hits, IndexStatus status) {

    public static SearchResults empty(String query, IndexStatus status) {
        return new SearchResults(query, 0, false, 1, 0, List.of(), status);
    }

    public boolean isEmpty() {
        return total == 0;
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
