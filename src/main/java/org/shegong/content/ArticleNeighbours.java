package org.shegong.content;

import org.springframework.stereotype.Service;

/** Previous / next in the article's column (related reading is region.RelatedReading). */
@Service
public class ArticleNeighbours {

    private final ListingRepository listings;

    public ArticleNeighbours(ListingRepository listings) {
        this.listings = listings;
    }

    /** The next newer (上一篇) and older (下一篇) items; one statement on a database server. */
    public ListingRepository.Neighbours around(Article article) {
        return article.publishedAt() == null ? ListingRepository.Neighbours.NONE
                : listings.neighbours(article.primaryColumnId(), article.publishedAt(), article.id());
    }
}
