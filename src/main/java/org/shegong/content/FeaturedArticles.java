package org.shegong.content;

import java.util.List;
import org.springframework.stereotype.Service;

/** Featured (置顶/推荐) items: shown above a column's listing and at the top of the home page. */
@Service
public class FeaturedArticles {

    private final ListingRepository listings;

    public FeaturedArticles(ListingRepository listings) {
        this.listings = listings;
    }

    public List<ArticleListItem> ofSite(int limit) {
        return listings.featured(null, limit);
    }

    public List<ArticleListItem> ofColumn(long columnId, int limit) {
        return listings.featured(columnId, limit);
    }
}
