package org.shegong.site.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ETag tells versions of one page apart, however small the change, and stays the same for the same bytes. */
class CachedPageTest {

    private static CachedPage page(String html) {
        return new CachedPage(html.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", List.of(), 0);
    }

    @Test
    void everyVersionOfAPageHasItsOwnTagAndTheSameBytesTheSameTag() {
        String base = "<html><body><h1>社会工作一周动态 (6.1-6.7)</h1><p>浏览 %d 次</p></body></html>";
        Set<String> tags = new HashSet<>();
        for (int views = 0; views < 20_000; views++) {
            assertThat(tags.add(page(base.formatted(views)).etag(false))).as("views %d", views).isTrue();
        }
        assertThat(page(base.formatted(7)).etag(false)).isEqualTo(page(base.formatted(7)).etag(false));
        assertThat(page("ab").etag(false)).as("same length, one byte swapped").isNotEqualTo(page("ba").etag(false));
        assertThat(page("ab").etag(true)).isNotEqualTo(page("ab").etag(false)).endsWith("-gz\"");
    }
}
