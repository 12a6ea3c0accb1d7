package org.shegong.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.content.ArticleRepository.Stored;
import org.shegong.content.ArticleService.SaveOutcome.Change;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores articles many at a time for the bulk import, with the outcome {@link ArticleService#save} would have
 * for each (matched by external id: created, updated or unchanged) but batched statements and no outbox event per
 * article: one {@link OutboxEvent#ARTICLES_BULK_IMPORTED} at the end tells the caches and the search index.
 */
@Service
public class BulkArticles {

    private final ArticleRepository articles;
    private final ArticleBatchRepository batches;
    private final OutboxWriter outbox;
    private final Clock clock;

    public BulkArticles(ArticleRepository articles, ArticleBatchRepository batches, OutboxWriter outbox, Clock clock) {
        this.articles = articles;
        this.batches = batches;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the items in the caller's transaction, in order; returns what happened to each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> saveAll(List<PreparedArticle> items) {
        batches.planForEachExecution();
        Set<String> externalIds = new HashSet<>();
        items.forEach(item -> {
            if (item.input().externalId() != null) {
                externalIds.add(item.input().externalId());
            }
        });
        Map<String, Stored> existing = articles.findByExternalIds(externalIds);
        List<Change> changes = new ArrayList<>(items.size());
        Pending pending = new Pending(existing);
        for (PreparedArticle item : items) {
            String externalId = item.input().externalId();
            if (externalId != null && pending.holds(externalId)) {
                // The same id twice in one batch: the second line sees the first one stored, as it would one by one.
                pending.write();
            }
            Stored stored = externalId == null ? null : existing.get(externalId);
            if (stored != null && stored.contentHash().equals(item.contentHash())) {
                changes.add(Change.UNCHANGED);
            } else if (stored == null) {
                pending.insert(item);
                changes.add(Change.CREATED);
            } else {
                pending.update(stored.id(), item);
                changes.add(Change.UPDATED);
            }
        }
        pending.write();
        return changes;
    }

    /** After a bulk import that stored articles: fresh planner statistics for the tables it wrote. */
    public void refreshStatistics() {
        batches.refreshStatistics();
    }

    /** The one event that replaces an event per article; {@code payload} says what the import did. */
    @Transactional
    public void announce(String payload) {
        outbox.append(OutboxEvent.ARTICLES_BULK_IMPORTED, 0, payload);
    }

    /** Rows waiting to be written together. */
    private final class Pending {

        private final Map<String, Stored> existing;
        private final List<PreparedArticle> inserts = new ArrayList<>();
        private final List<PreparedArticle> updates = new ArrayList<>();
        private final List<Long> updateIds = new ArrayList<>();
        private final Set<String> externalIds = new HashSet<>();

        Pending(Map<String, Stored> existing) {
            this.existing = existing;
        }

        boolean holds(String externalId) {
            return externalIds.contains(externalId);
        }

        void insert(PreparedArticle item) {
            inserts.add(item);
            remember(item);
        }

        void update(long id, PreparedArticle item) {
            updates.add(item);
            updateIds.add(id);
            remember(item);
        }

        private void remember(PreparedArticle item) {
            if (item.input().externalId() != null) {
                externalIds.add(item.input().externalId());
            }
        }

        void write() {
            var now = clock.instant();
            if (!updates.isEmpty()) {
                batches.update(updateIds, updates, now);
                for (int i = 0; i < updates.size(); i++) {
                    stored(updates.get(i), updateIds.get(i));
                }
            }
            if (!inserts.isEmpty()) {
                List<Long> ids = batches.insert(inserts, now);
                for (int i = 0; i < inserts.size(); i++) {
                    stored(inserts.get(i), ids.get(i));
                }
            }
            inserts.clear();
            updates.clear();
            updateIds.clear();
            externalIds.clear();
        }

        private void stored(PreparedArticle item, long id) {
            if (item.input().externalId() != null) {
                existing.put(item.input().externalId(),
                        new Stored(id, item.contentHash(), item.input().publishedAt()));
            }
        }
    }
}
