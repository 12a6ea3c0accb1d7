package org.shegong.content;

import java.util.List;

/** One numbered page of a column's listing. */
public record ListingPage(List<ArticleListItem> items, int page, int pages, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
