package org.shegong.site.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Rendered pages by path, bounded by bytes.
 *
 * <p>A page rendered while an invalidation happens may have read the old data; storing it would bring the stale
 * page back after the eviction. So every invalidation moves an epoch forward first, and a page is kept only if the
 * epoch is the one seen before rendering started, checked both before and after storing.
 */
@Component
public class PageCache {

    private final boolean enabled;
    private final Cache<String, CachedPage> pages;
    private final AtomicLong epoch = new AtomicLong();

    PageCache(PageCacheProperties properties) {
        this.enabled = properties.enabled();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.timeToLive())
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    CachedPage get(String path) {
        return pages.getIfPresent(path);
    }

    /** The epoch to pass to {@link #put} for a page whose rendering starts now. */
    long epoch() {
        return epoch.get();
    }

    /** Keeps the page unless an invalidation happened since {@code renderedInEpoch}; true when kept. */
    boolean put(String path, CachedPage page, long renderedInEpoch) {
        if (epoch.get() != renderedInEpoch) {
            return false;
        }
        pages.put(path, page);
        if (epoch.get() != renderedInEpoch) {
            pages.asMap().remove(path, page);
            return false;
        }
        return true;
    }

    public void evict(String path) {
        epoch.incrementAndGet();
        pages.invalidate(path);
    }

    public void evictIf(Predicate<String> path) {
        epoch.incrementAndGet();
        pages.asMap().keySet().removeIf(path);
    }

    public void evictAll() {
        epoch.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }
}
