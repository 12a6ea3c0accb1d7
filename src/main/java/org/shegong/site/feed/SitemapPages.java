package org.shegong.site.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.shegong.content.PublishedRepository;
import org.shegong.content.PublishedRepository.SitemapPage;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The article sitemaps' boundaries (keyset positions by id), computed in one index scan and kept until an
 * article changes, so a crawler fetching sitemap 20 does not make the database count 1,000,000 rows.
 */
@Component
class SitemapPages implements OutboxConsumer {

    /** The sitemap protocol's limit per file. */
    static final int MAX_URLS = 50_000;

    private final PublishedRepository published;
    private final int pageSize;
    private final Cache<Boolean, List<SitemapPage>> pages = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(1).build();

    SitemapPages(PublishedRepository published, @Value("${shegong.sitemap.page-size:50000}") int pageSize) {
        if (pageSize < 1 || pageSize > MAX_URLS) {
            throw new IllegalArgumentException("shegong.sitemap.page-size must be between 1 and " + MAX_URLS);
        }
        this.published = published;
        this.pageSize = pageSize;
    }

    List<SitemapPage> pages() {
        return pages.get(Boolean.TRUE, k -> List.copyOf(published.sitemapPages(pageSize)));
    }

    int pageSize() {
        return pageSize;
    }

    @Override
    public String name() {
        return "sitemap-pages";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE; // the boundaries are held in this node's memory
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.stream().anyMatch(OutboxEvent::concernsArticles)) {
            pages.invalidateAll();
        }
    }
}
