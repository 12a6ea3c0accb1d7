package org.shegong.region;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tags articles from the outbox: every event that names an article (a save, an import, a publication, a
 * withdrawal) re-reads it; a bulk import re-tags everything. Ordered before the page cache, so a page rendered
 * after the eviction shows the new regions. Why the outbox and not a hook in content's transaction: ADR 0022.
 */
@Component
@Profile("!cli")
@Order(500)
class RegionTagFollower implements OutboxConsumer {

    static final String NAME = "region-tags";

    private final RegionTagging tagging;

    RegionTagFollower(RegionTagging tagging) {
        this.tagging = tagging;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return Scope.ONE_NODE; // writes the tags and region listing rows: once for all nodes
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.stream().anyMatch(OutboxEvent::isBulkImport)) {
            tagging.retagAll(done -> { });
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (OutboxEvent event : events) {
            if (event.concernsArticles() || OutboxEvent.EDITORIAL_CHANGED.equals(event.type())) {
                ids.add(event.aggregateId());
            }
        }
        ids.forEach(id -> TagConflicts.retry(() -> tagging.follow(id))); // follow is one transaction
    }
}
