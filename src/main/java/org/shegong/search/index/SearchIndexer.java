package org.shegong.search.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.shegong.system.outbox.OutboxBacklog;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database: for every article an outbox event names, the article's current
 * state is read and the index made to match (its public document while live, its working copy while editors
 * have one; see {@link IndexRebuilder#sync}), so replaying an event is harmless. Each batch is committed and made
 * searchable before the relay stores its position.
 *
 * <p>Reading articles one by one is the slow way to catch up on many events. A bulk import's single event, or
 * a backlog of more than {@value #BACKLOG_LIMIT} events (an import through the normal path, a server that was
 * stopped), asks for a full rebuild instead; events the rebuild covers are then passed over without work.
 *
 * <p>With the embedded index every node has its own and runs this consumer from its own position (ADR 0056), so
 * the editors' vocabulary changes and rebuild requests, and the region tags another node wrote, come as events too.
 * An OpenSearch index is shared by the nodes: one node at a time feeds it and rebuilds it, and every node's query
 * analysis follows vocabulary changes through {@link SharedIndexVocabulary}.
 */
@Component
@Profile("!cli")
class SearchIndexer implements OutboxConsumer {

    /** Its name in {@code outbox_consumer} and in the outbox metrics. */
    static final String NAME = "search-index";
    static final int BACKLOG_LIMIT = 5_000;
    /** Below this many article events in one delivery, the outbox is not asked how many more are waiting. */
    private static final int COUNT_FROM = 100;
    private static final Set<String> ARTICLE_EVENTS = Set.of(OutboxEvent.ARTICLE_PUBLISHED,
            OutboxEvent.ARTICLE_UPDATED, OutboxEvent.ARTICLE_WITHDRAWN, OutboxEvent.ARTICLE_IMPORTED,
            OutboxEvent.EDITORIAL_CHANGED);

    private final IndexStore index;
    private final IndexRebuilder rebuilder;
    private final OutboxBacklog backlog;
    private final IndexMaintenance maintenance;
    private final int backlogLimit;
    /**
     * The region codes this node last indexed each article with (read just before indexing). A regions.changed
     * event that finds them unchanged is passed over: the node that tagged an article has usually indexed it with
     * its tags already, in the same pass as the article's own event.
     */
    private final Cache<Long, Set<String>> indexedRegions = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Scope scope;

    @Autowired
    SearchIndexer(@Lazy IndexStore index, @Lazy IndexRebuilder rebuilder, OutboxBacklog backlog,
                  @Lazy IndexMaintenance maintenance, @Value("${shegong.search.backend:lucene}") String backend) {
        this(index, rebuilder, backlog, maintenance, BACKLOG_LIMIT,
                "opensearch".equals(backend) ? Scope.ONE_NODE : Scope.EVERY_NODE);
    }

    SearchIndexer(IndexStore index, IndexRebuilder rebuilder, OutboxBacklog backlog, IndexMaintenance maintenance,
                  int backlogLimit) {
        this(index, rebuilder, backlog, maintenance, backlogLimit, Scope.EVERY_NODE);
    }

    SearchIndexer(IndexStore index, IndexRebuilder rebuilder, OutboxBacklog backlog, IndexMaintenance maintenance,
                  int backlogLimit, Scope scope) {
        this.scope = scope;
        this.index = index;
        this.rebuilder = rebuilder;
        this.backlog = backlog;
        this.maintenance = maintenance;
        this.backlogLimit = backlogLimit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return scope; // the Lucene index is on this node's disk; an OpenSearch index is everyone's
    }

    @Override
    public boolean startsAtLatest() {
        return false;
    }

    /**
     * This node's index may lack events (a node new to the cluster, or back after a long absence): rebuild — unless a
     * complete rebuild already read every event up to there (the {@code reindex} command run before the server's
     * first start, which left no consumer position: rebuilding a million articles again would be hours of waste).
     */
    @Override
    public void missedEvents(long resumesAfter) {
        if (index.needsRebuild()) {
            return; // rebuilt at start (SearchStartup)
        }
        if (rebuilder.coveredUpTo() >= resumesAfter) {
            return;
        }
        rebuilder.requestRebuild();
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        long covered = rebuilder.coveredUpTo();
        boolean bulk = false;
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> retagged = new LinkedHashSet<>();
        boolean forReaders = false; // only editorial events (autosaves, reviews): readers' answers stay as they are
        for (OutboxEvent event : events) {
            if (event.id() <= covered) {
                indexedRegions.invalidate(event.aggregateId()); // the rebuild indexed it with what it read
                continue; // a rebuild that started after this event was written reads its article anyway
            }
            if (event.isBulkImport() || IndexMaintenance.REBUILD_REQUESTED.equals(event.type())
                    || IndexMaintenance.VOCABULARY_CHANGED.equals(event.type()) && !"synonyms".equals(event.payload())
                    || OutboxEvent.REGIONS_CHANGED.equals(event.type()) && event.aggregateId() == 0) {
                bulk = true; // a new dictionary, or every article's regions: read everything again
            } else if (IndexMaintenance.VOCABULARY_CHANGED.equals(event.type())) {
                maintenance.applySynonyms();
            } else if (OutboxEvent.REGIONS_CHANGED.equals(event.type())) {
                retagged.add(event.aggregateId());
            } else if (ARTICLE_EVENTS.contains(event.type())) {
                ids.add(event.aggregateId());
                forReaders |= !OutboxEvent.EDITORIAL_CHANGED.equals(event.type());
            }
        }
        forReaders |= !retagged.isEmpty();
        for (Long id : retagged) {
            if (!ids.contains(id) && !Objects.equals(indexedRegions.getIfPresent(id), codesOf(id))) {
                ids.add(id);
            }
        }
        if (bulk || largeBacklog(events, ids)) {
            indexedRegions.invalidateAll();
            rebuilder.requestRebuild();
            return;
        }
        if (ids.isEmpty()) {
            return;
        }
        index.lock().lock();
        try {
            for (Long id : ids) { // read before indexing: tags that change meanwhile make a later event index again
                Set<String> codes = codesOf(id);
                if (codes == null) {
                    indexedRegions.invalidate(id);
                } else {
                    indexedRegions.put(id, codes);
                }
            }
            if (forReaders) {
                rebuilder.sync(ids);
            } else {
                index.forEditorsOnly(() -> rebuilder.sync(ids));
            }
        } finally {
            index.lock().unlock();
        }
        index.commitAndRefresh();
    }

    private Set<String> codesOf(long articleId) {
        IndexedRegions.Codes codes = index.regionsOf(articleId);
        return codes == null ? null : codes.all();
    }

    private boolean largeBacklog(List<OutboxEvent> events, Set<Long> ids) {
        if (ids.size() > backlogLimit) {
            return true;
        }
        if (ids.size() < Math.min(COUNT_FROM, backlogLimit)) {
            return false; // a trickle of edits costs no query
        }
        long waiting = backlog.countAfter(events.get(events.size() - 1).id(), backlogLimit);
        return ids.size() + waiting > backlogLimit;
    }
}
