package org.shegong.site.cache;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The rendered-page cache for anonymous readers.
 *
 * @param enabled        false serves every request from the controllers (for measuring, or debugging)
 * @param maxSize        memory for rendered pages (their uncompressed bytes, plus an estimate for the gzip copy)
 * @param timeToLive     how long a page is served before it is rendered again even without an outbox event;
 *                       bounds how far the view count shown on a cached article page lags behind
 * @param cacheControl   the Cache-Control sent with cacheable pages, for browsers and a CDN in front
 * @param ignoredCookies cookie names (a trailing * matches a prefix) that do not make a request personal, such as
 *                       analytics cookies set by script; any other cookie bypasses the cache
 * @param keepFromSecondRequest true (the default) keeps a page from its second request, so that pages read once
 *                       do not push out the ones read again (docs/adr/0088); false keeps every page on its first
 */
@ConfigurationProperties("shegong.page-cache")
public record PageCacheProperties(Boolean enabled, DataSize maxSize, Duration timeToLive, String cacheControl,
                                  List<String> ignoredCookies, Boolean keepFromSecondRequest) {

    public PageCacheProperties {
        enabled = enabled == null || enabled;
        maxSize = maxSize == null ? DataSize.ofMegabytes(64) : maxSize;
        timeToLive = timeToLive == null ? Duration.ofSeconds(60) : timeToLive;
        cacheControl = cacheControl == null || cacheControl.isBlank()
                ? "public, max-age=30, s-maxage=60, stale-while-revalidate=30" : cacheControl;
        ignoredCookies = ignoredCookies == null ? List.of("_ga*", "_gid", "Hm_lvt_*", "Hm_lpvt_*")
                : List.copyOf(ignoredCookies);
        keepFromSecondRequest = keepFromSecondRequest == null || keepFromSecondRequest;
    }
}
