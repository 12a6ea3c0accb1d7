package org.shegong.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchQuery;
import org.shegong.search.SearchResults;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** What the readiness group hears about the search index. */
class SearchIndexHealthIndicatorTest {

    private static Health healthOf(Supplier<IndexStatus> status) {
        return new SearchIndexHealthIndicator(new SearchEngine() {
            @Override
            public SearchResults search(SearchQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Suggestion> suggest(String prefix, int limit) {
                return List.of();
            }

            @Override
            public List<String> alternatives(String query, int limit) {
                return List.of();
            }

            @Override
            public IndexStatus status() {
                return status.get();
            }

            @Override
            public RegionCounts regionCounts(SearchQuery query) {
                return RegionCounts.NONE;
            }
        }).health();
    }

    @Test
    void anAnsweringIndexIsUpAndARebuildKeepsItUpWithItsProgress() {
        Health ready = healthOf(() -> new IndexStatus(false, 0, 0, 1234));
        assertThat(ready.getStatus()).isEqualTo(Status.UP);
        assertThat(ready.getDetails()).containsEntry("documents", 1234L).containsEntry("rebuilding", false);

        Health rebuilding = healthOf(() -> new IndexStatus(true, 250, 1000, 250));
        assertThat(rebuilding.getStatus()).isEqualTo(Status.UP);
        assertThat(rebuilding.getDetails()).containsEntry("rebuilding", true).containsEntry("rebuildPercent", 25);
    }

    @Test
    void anIndexThatCannotBeReadIsDown() {
        Health broken = healthOf(() -> {
            throw new IllegalStateException("index locked by another process");
        });
        assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
    }
}
