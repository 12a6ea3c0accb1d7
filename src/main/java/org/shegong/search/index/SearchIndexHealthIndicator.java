package org.shegong.search.index;

import org.shegong.search.IndexStatus;
import org.shegong.search.SearchEngine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The search index as the readiness check sees it ({@code searchIndex} in the health groups): up when the engine
 * answers, down when it throws (an index that cannot be opened, a search cluster that cannot be reached). A rebuild
 * in progress is up, with its progress: the site serves meanwhile and search results fill in (see
 * {@code SearchStartup}), so a node is not taken out of the load balancer for it. It exists in command-line modes
 * too, where nothing asks it, because the readiness group names it; the index is only touched when it is asked.
 */
@Component
class SearchIndexHealthIndicator extends AbstractHealthIndicator {

    private final SearchEngine engine;

    SearchIndexHealthIndicator(SearchEngine engine) {
        super("搜索索引不可用");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        IndexStatus status = engine.status();
        builder.up().withDetail("documents", status.documents()).withDetail("rebuilding", status.rebuilding());
        if (status.rebuilding()) {
            builder.withDetail("rebuildPercent", status.percent());
        }
    }
}
