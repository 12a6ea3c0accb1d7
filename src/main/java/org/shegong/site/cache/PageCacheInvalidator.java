package org.shegong.site.cache;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleNeighbours;
import org.shegong.content.ArticleService;
import org.shegong.system.web.SiteUrls;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Evicts the pages an outbox event makes stale: the article's own page, every page of each of its columns (a
 * new item shifts all of them by one), the home page, the region map and pages, and the pages of its neighbours, whose 上一篇/下一篇 links
 * pointed past it. Other pages that mention the article (相关阅读 elsewhere) catch up within the time to live.
 * A bulk import, which writes one event for all its articles, clears the whole cache.
 *
 * <p>Ordered after the column tree and the column listing, which are derived from the same events: a page rendered
 * right after the eviction must not read their old state.
 */
@Component
@Order(PageCacheInvalidator.ORDER)
class PageCacheInvalidator implements OutboxConsumer {

    static final int ORDER = 1000;
    /** Above this many events in a batch (an import) one sweep is cheaper than many lookups. */
    private static final int SWEEP_ABOVE = 200;

    private final PageCache cache;
    private final ArticleService articles;
    private final ArticleNeighbours neighbours;
    private final ColumnService columns;

    PageCacheInvalidator(PageCache cache, ArticleService articles, ArticleNeighbours neighbours,
                         ColumnService columns) {
        this.cache = cache;
        this.articles = articles;
        this.neighbours = neighbours;
        this.columns = columns;
    }

    @Override
    public String name() {
        return "page-cache";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE; // each node has its own page cache
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.size() > SWEEP_ABOVE || events.stream().anyMatch(OutboxEvent::isBulkImport)) {
            cache.evictAll();
            return;
        }
        for (OutboxEvent event : events) {
            if (OutboxEvent.COLUMN_CHANGED.equals(event.type())) {
                cache.evictAll(); // the navigation is on every page
            } else if (OutboxEvent.HOME_SLOTS_CHANGED.equals(event.type())) {
                cache.evict(SiteUrls.home());
            } else if (OutboxEvent.DISCUSSION_CHANGED.equals(event.type())) {
                cache.evict(SiteUrls.article(event.aggregateId()));
            } else if (OutboxEvent.REGIONS_CHANGED.equals(event.type())) {
                // Tags written by whichever node tagged, after the article's own event: its page shows them.
                if (event.aggregateId() == 0) {
                    cache.evictAll();
                } else {
                    cache.evict(SiteUrls.article(event.aggregateId()));
                    cache.evictIf(SiteUrls::isRegionPage);
                }
            } else if (event.type().startsWith("article.")) {
                evictArticle(event);
            }
        }
    }

    private void evictArticle(OutboxEvent event) {
        cache.evict(SiteUrls.article(event.aggregateId()));
        cache.evict(SiteUrls.home());
        // The regions an article left are no longer known here; region pages are few and cheap to render again.
        cache.evictIf(SiteUrls::isRegionPage);
        Optional<Article> found = articles.find(event.aggregateId());
        if (found.isEmpty() || OutboxEvent.ARTICLE_UPDATED.equals(event.type())) {
            // An edit may have moved the article out of a column, and its old columns are not known here.
            cache.evictIf(SiteUrls::isColumnPage);
        }
        found.ifPresent(article -> {
            for (Long columnId : article.columnIds()) {
                columns.byId(columnId).ifPresent(this::evictColumn);
            }
            var around = neighbours.around(article);
            Stream.concat(Stream.ofNullable(around.newer()), Stream.ofNullable(around.older()))
                    .forEach(neighbour -> cache.evict(SiteUrls.article(neighbour.id())));
        });
    }

    private void evictColumn(Column column) {
        String slug = column.slug();
        cache.evictIf(path -> SiteUrls.isPageOfColumn(path, slug));
    }
}
