package org.shegong.site.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.shegong.system.web.PublicAddress;
import org.shegong.system.web.ReaderDisplay;
import org.springframework.stereotype.Component;

/**
 * Rendered pages by path (and reader display variant, see {@link ReaderDisplay}), bounded by bytes.
 *
 * <p>A page rendered while an invalidation happens may have read the old data; storing it would bring the stale
 * page back after the eviction. So every invalidation moves an epoch forward first, and a page is kept only if the
 * epoch is the one seen before rendering started, checked both before and after storing.
 *
 * <p>Pages carry absolute links (canonical, OpenGraph) built from the address the reader used when a trusted proxy
 * forwards it (docs/adr/0059), so a page seen at another address than the configured one is kept under a key that
 * names that address; only a few such addresses get pages kept, so a proxy that forwards any Host header cannot
 * fill the cache with copies. Hits and misses are counted for the metrics ({@code cache.gets{cache="page"}}).
 *
 * <p>A page is kept from its second request, not its first ({@link Doorkeeper}, docs/adr/0088): pages read once
 * (random old articles, a crawler) are served and dropped, and the pages rendered but not kept are counted
 * ({@code shegong.page.cache.deferred}).
 */
@Component
public class PageCache {

    private static final List<String> VARIANTS = ReaderDisplay.variantSuffixes();
    /** Other public addresses (besides the configured one) whose pages are kept. */
    static final int OTHER_ADDRESSES = 8;
    /** Keys remembered by the doorkeeper: 512 KB, twenty times the pages 64 MB holds. */
    static final int REMEMBERED_KEYS = 1 << 16;
    private static final String AT = " @";

    private final boolean enabled;
    private final Cache<String, CachedPage> pages;
    private final AtomicLong epoch = new AtomicLong();
    private final String configuredAddress;
    private final Set<String> otherAddresses = ConcurrentHashMap.newKeySet();
    private final Doorkeeper doorkeeper;
    private final Counter deferred;

    PageCache(PageCacheProperties properties, PublicAddress address, MeterRegistry meters) {
        this.enabled = properties.enabled();
        this.configuredAddress = address.configured();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((String path, CachedPage page) -> page.weight())
                .expireAfterWrite(properties.timeToLive())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, pages, "page");
        this.doorkeeper = properties.keepFromSecondRequest() ? new Doorkeeper(REMEMBERED_KEYS) : null;
        this.deferred = Counter.builder("shegong.page.cache.deferred")
                .description("Pages rendered on their first request and not kept").register(meters);
    }

    /**
     * The key of a page ({@code pathAndVariant}: the path plus the display variant's suffix) as rendered for
     * readers at {@code address}; null when pages of that address are not kept.
     */
    String key(String pathAndVariant, String address) {
        if (address.equals(configuredAddress)) {
            return pathAndVariant;
        }
        if (!otherAddresses.contains(address)) {
            synchronized (otherAddresses) {
                if (otherAddresses.size() >= OTHER_ADDRESSES) {
                    return null;
                }
                otherAddresses.add(address);
            }
        }
        return pathAndVariant + AT + address;
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

    /**
     * Whether a page rendered for {@code key} should be kept; records the request, so the first request for a key
     * says no and the next says yes (unless the key was forgotten in between, or keeping from the first request
     * is configured).
     */
    boolean admits(String key) {
        if (doorkeeper == null || doorkeeper.seenBefore(key)) {
            return true;
        }
        deferred.increment();
        return false;
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
        for (String address : otherAddresses) {
            pages.invalidate(path + AT + address);
            for (String suffix : VARIANTS) {
                pages.invalidate(path + suffix + AT + address);
            }
        }
    }

    public void evictIf(Predicate<String> path) {
        epoch.incrementAndGet();
        pages.asMap().keySet().removeIf(key -> path.test(pathOf(key)));
    }

    /** The path of a cache key: keys of a display variant or another address add a space and more. */
    static String pathOf(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    /** Evicts every page and forgets which pages were asked for, so that the cache starts as after a restart. */
    public void evictAll() {
        epoch.incrementAndGet();
        pages.invalidateAll();
        if (doorkeeper != null) {
            doorkeeper.forgetAll();
        }
    }

    long size() {
        return pages.estimatedSize();
    }
}
