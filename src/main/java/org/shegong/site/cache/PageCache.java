package org.shegong.site.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.shegong.system.web.ReaderDisplay;
import org.springframework.stereotype.Component;

/**
 * Rendered pages by path (and reader display variant, see {@link ReaderDisplay}), bounded by bytes.
 *
 * <p>A page rendered while an invalidation happens may have read the old data; storing it would bring the stale
 * page back after the eviction. So every invalidation moves an epoch forward first, and a page is kept only if the
 * epoch is the one seen before rendering started, checked both before and after storing.
 */
@Component
public class PageCache {

    private static final List<String> VARIANTS = ReaderDisplay.variantSuffixes();

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

    /** Evicts the page at a path in every reader display variant (the key is the path plus a suffix). */
    public void evict(String path) {
        epoch.incrementAndGet();
        pages.invalidate(path);
        for (String suffix : VARIANTS) {
            pages.invalidate(path + suffix);
        }
    }

    public void evictIf(Predicate<String> path) {
        epoch.incrementAndGet();
        pages.asMap().keySet().removeIf(key -> path.test(pathOf(key)));
    }

    /** The path of a cache key: keys of a display variant are the path, a space, and the variant. */
    static String pathOf(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    public void evictAll() {
        epoch.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        return pages.estimatedSize();
    }
}
