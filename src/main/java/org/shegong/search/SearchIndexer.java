package org.shegong.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database: for every article an outbox event names, the article's current
 * state is read and the index made to match (its public document while live, its working copy while editors
 * have one; see {@link IndexRebuilder#sync}), so replaying an event is harmless. Each batch is committed and made searchable before the relay stores its position.
 */
@Component
@Profile("!cli")
class SearchIndexer implements OutboxConsumer {

    private static final Set<String> ARTICLE_EVENTS = Set.of(OutboxEvent.ARTICLE_PUBLISHED,
            OutboxEvent.ARTICLE_UPDATED, OutboxEvent.ARTICLE_WITHDRAWN, OutboxEvent.ARTICLE_IMPORTED,
            OutboxEvent.EDITORIAL_CHANGED);

    private final SearchIndex index;
    private final IndexRebuilder rebuilder;

    SearchIndexer(@Lazy SearchIndex index, @Lazy IndexRebuilder rebuilder) {
        this.index = index;
        this.rebuilder = rebuilder;
    }

    @Override
    public String name() {
        return "search-index";
    }

    @Override
    public boolean startsAtLatest() {
        return false;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Set<Long> ids = new LinkedHashSet<>();
        for (OutboxEvent event : events) {
            if (ARTICLE_EVENTS.contains(event.type())) {
                ids.add(event.aggregateId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        index.lock().lock();
        try {
            rebuilder.sync(ids);
        } finally {
            index.lock().unlock();
        }
        index.commitAndRefresh();
    }
}
