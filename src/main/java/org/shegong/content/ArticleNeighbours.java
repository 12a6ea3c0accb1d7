package org.shegong.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Previous / next in the article's column, and related reading. */
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

    public Optional<ArticleListItem> older(Article article) {
        return article.publishedAt() == null ? Optional.empty()
                : listings.older(article.primaryColumnId(), article.publishedAt(), article.id());
    }

    /**
     * Readers of a regional story want more from that place, then more on the same subject (tags), then the
     * column's newest items.
     */
    public List<ArticleListItem> related(Article article, int limit) {
        List<ArticleListItem> related = new ArrayList<>();
        if (article.region() != null) {
            addAll(related, listings.byRegion(article.region(), article.id(), limit), article, limit);
        }
        if (related.size() < limit && !article.tags().isEmpty()) {
            addAll(related, listings.sharingTags(article.id(), limit), article, limit);
        }
        if (related.size() < limit) {
            addAll(related, listings.latest(article.primaryColumnId(), limit + 1), article, limit);
        }
        return related;
    }

    private static void addAll(List<ArticleListItem> into, List<ArticleListItem> candidates, Article self, int limit) {
        for (ArticleListItem candidate : candidates) {
            if (into.size() >= limit) {
                return;
            }
            if (candidate.id() != self.id() && into.stream().noneMatch(i -> i.id() == candidate.id())) {
                into.add(candidate);
            }
        }
    }
}
