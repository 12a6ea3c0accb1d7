package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** The open-data list's keyset query on H2, PostgreSQL and MariaDB: order, ties, filters, microsecond times. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class LiveArticlesTest {

    private static final Instant T = Instant.parse("2021-08-01T02:00:00.123456Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    LiveArticles live;
    final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        live = new LiveArticles(content.db.jdbc());
        for (int i = 0; i < 12; i++) {
            // Pairs share a publication time (to the microsecond): only the id orders them.
            Instant at = T.plus(Duration.ofMinutes(i / 2));
            ids.add(content.publish("live-" + i, "文章" + i, at, i % 3 == 0, null,
                    i % 4 == 0 ? List.of("社工站") : List.of(), i % 2 == 0 ? new String[] {"news"}
                            : new String[] {"policy", "news"}));
        }
        content.db.transactions().executeWithoutResult(s -> content.service.withdraw(ids.get(11)));
    }

    private List<Long> walk(LiveArticles.Filter filter, int limit) {
        List<Long> found = new ArrayList<>();
        LiveArticles.Position after = null;
        while (true) {
            List<PublishedItem> page = live.page(filter, after, limit);
            page.forEach(item -> found.add(item.id()));
            if (page.size() < limit) {
                return found;
            }
            PublishedItem last = page.get(page.size() - 1);
            after = new LiveArticles.Position(last.publishedAt(), last.id());
        }
    }

    @Test
    void pagesFollowTheNewestFirstOrderAcrossTiesAndFeaturedItems() {
        List<Long> expected = new ArrayList<>(ids.subList(0, 11));
        java.util.Collections.reverse(expected); // later time first; within a pair the higher id first
        LiveArticles.Filter all = new LiveArticles.Filter(null, null, null, null, null, null);
        assertThat(live.page(all, null, 100)).extracting(PublishedItem::id).containsExactlyElementsOf(expected);
        for (int limit = 1; limit <= 4; limit++) {
            assertThat(walk(all, limit)).as("limit " + limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void filtersCombine() {
        long policy = content.column("policy").id();
        assertThat(walk(new LiveArticles.Filter(List.of(policy), null, null, null, null, null), 2))
                .containsExactly(ids.get(9), ids.get(7), ids.get(5), ids.get(3), ids.get(1));
        assertThat(walk(new LiveArticles.Filter(null, null, "社工站", null, null, null), 2))
                .containsExactly(ids.get(8), ids.get(4), ids.get(0));
        assertThat(walk(new LiveArticles.Filter(null, Kind.NOTICE, null, null, null, null), 2)).isEmpty();
        assertThat(walk(new LiveArticles.Filter(null, Kind.NEWS, null, T.plus(Duration.ofMinutes(1)),
                T.plus(Duration.ofMinutes(3)), null), 3)).containsExactly(ids.get(5), ids.get(4), ids.get(3), ids.get(2));
        assertThat(walk(new LiveArticles.Filter(List.of(policy), null, null, null, null,
                List.of(ids.get(1), ids.get(2), ids.get(11))), 5)).containsExactly(ids.get(1));
        assertThat(live.page(new LiveArticles.Filter(List.of(), null, null, null, null, null), null, 5)).isEmpty();
    }
}
