package org.shegong.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import org.shegong.content.ListingRepository.ListingIndex;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Numbered pages over a column's listing at constant cost per page.
 *
 * <p>OFFSET-based paging makes page 5,000 read and discard 100,000 rows. Instead each column keeps, in
 * memory, the first position of every page (its {@link ListingIndex}, built in one index scan), and a page is
 * a seek to that position plus 20 rows. The index is dropped when the outbox reports a change to one of the
 * column's articles (or a bulk import) and rebuilt on the next request.
 */
@Service
@Order(100) // derived state others render from: updated before the page cache (order 1000) evicts
public class ColumnListing implements OutboxConsumer {

    public static final int PAGE_SIZE = 20;

    private final ListingRepository listings;
    private final ArticleRepository articles;
    private final Cache<Long, ListingIndex> indexes = Caffeine.newBuilder().maximumSize(1_000).build();

    public ColumnListing(ListingRepository listings, ArticleRepository articles) {
        this.listings = listings;
        this.articles = articles;
    }

    /** Page {@code page} (1-based) of the column, or empty when the column has no such page. */
    public Optional<ListingPage> page(long columnId, int page) {
        ListingIndex index = indexes.get(columnId, id -> listings.index(id, PAGE_SIZE));
        int pages = Math.max(index.pages(), 1);
        if (page < 1 || page > pages) {
            return Optional.empty();
        }
        List<ArticleListItem> items = index.anchors().isEmpty()
                ? List.of()
                : listings.pageFrom(columnId, index.anchors().get(page - 1), PAGE_SIZE);
        return Optional.of(new ListingPage(items, page, pages, index.total()));
    }

    public List<ArticleListItem> latest(long columnId, int limit) {
        return listings.latest(columnId, limit);
    }

    public void forget(long columnId) {
        indexes.invalidate(columnId);
    }

    public void forgetAll() {
        indexes.invalidateAll();
    }

    @Override
    public String name() {
        return "column-listing";
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.size() > 200 || events.stream().anyMatch(OutboxEvent::isBulkImport)) {
            // An import touches most columns anyway; one sweep is cheaper than a lookup per event.
            forgetAll();
            return;
        }
        for (OutboxEvent event : events) {
            if (event.type().startsWith("article.")) {
                articles.columnIdsOf(event.aggregateId()).forEach(this::forget);
                // An edit can move an article out of a column; its old columns are unknown here.
                if (OutboxEvent.ARTICLE_UPDATED.equals(event.type())) {
                    forgetAll();
                }
            }
        }
    }
}
