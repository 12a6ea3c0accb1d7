package org.shegong.content;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Previous / next in the article's column (related reading is region.RelatedReading). */
@Service
public class ArticleNeighbours {

    private final ListingRepository listings;

    public ArticleNeighbours(ListingRepository listings) {
        this.listings = listings;
    }

    public Optional<ArticleListItem> newer(Article article) {
        return article.publishedAt() == null ? Optional.empty()
                : listings.newer(article.primaryColumnId(), article.publishedAt(), article.id());
    }

    /** Both at once, for the article page (one statement instead of two). */
    public ListingRepository.Neighbours around(Article article) {
        return article.publishedAt() == null ? ListingRepository.Neighbours.NONE
                : listings.neighbours(article.primaryColumnId(), article.publishedAt(), article.id());
    }

    public Optional<ArticleListItem> older(Article article) {
        return article.publishedAt() == null ? Optional.empty()
                : listings.older(article.primaryColumnId(), article.publishedAt(), article.id());
    }

}
