package org.shegong.site.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.system.SiteProperties;
import org.shegong.system.web.ProxyProperties;
import org.shegong.system.web.PublicAddress;

/** Which rendered pages the cache keeps: from the second request by default, from the first when configured. */
class PageCacheAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private PageCache cache(Boolean keepFromSecondRequest) {
        return new PageCache(new PageCacheProperties(null, null, null, null, null, keepFromSecondRequest),
                new PublicAddress(new SiteProperties(null, "https://www.example.cn", null),
                        new ProxyProperties(false, null)), meters);
    }

    private static CachedPage page() {
        return new CachedPage("<html>页</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/html;charset=UTF-8", List.of(), 0);
    }

    @Test
    void byDefaultTheFirstRequestIsCountedAsDeferredAndTheSecondAdmitted() {
        PageCache cache = cache(null);
        assertThat(cache.admits("/article/1")).isFalse();
        assertThat(cache.admits("/article/1")).isTrue();
        assertThat(meters.get("shegong.page.cache.deferred").counter().count()).isEqualTo(1);

        cache.evictAll();
        assertThat(cache.admits("/article/1")).as("evicting everything forgets the requests too").isFalse();
    }

    @Test
    void operatorsCanKeepEveryPageFromItsFirstRequest() {
        PageCache cache = cache(false);
        assertThat(cache.admits("/article/1")).isTrue();
        assertThat(cache.put("/article/1", page(), cache.epoch())).isTrue();
        assertThat(cache.get("/article/1")).isNotNull();
        assertThat(meters.get("shegong.page.cache.deferred").counter().count()).isZero();
    }
}
