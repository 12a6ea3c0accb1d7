package org.shegong.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.content.ListingRepository.Walk;
import org.shegong.content.PageAnchors.Seek;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Numbered pages over a column's listing at constant cost per page.
 *
 * <p>OFFSET-based paging makes page 5,000 read and discard 100,000 rows. Instead each column keeps, in memory,
 * its {@link PageAnchors}: the listing cut into blocks of one to two pages, each known by its top row and row
 * count, built by one walk of the column's index on the first request. A page is a seek to a block's top, a skip
 * of fewer than two pages' rows and one page. A change to the column (its outbox event says which listing rows
 * went and came, see {@link ListingChange}) recounts only the blocks those rows fall in, so a publish on a
 * 450,000-item column costs a few short index reads instead of walking the column again (docs/adr/0017).
 * A bulk import (one event for all its articles) drops every column's anchors.
 */
@Service
@Order(100) // derived state others render from: updated before the page cache (order 1000) evicts
public class ColumnListing implements OutboxConsumer {

    public static final int PAGE_SIZE = 20;
    /** Touching more blocks of one column in one batch (an import of old articles): one walk costs less. */
    static final int REWALK_ABOVE = 256;

    private final ListingRepository listings;
    private final ArticleRepository articles;
    private final int rewalkAbove;
    private final Cache<Long, PageAnchors> anchors = Caffeine.newBuilder().maximumSize(1_000).build();

    @Autowired
    public ColumnListing(ListingRepository listings, ArticleRepository articles) {
        this(listings, articles, REWALK_ABOVE);
    }

    ColumnListing(ListingRepository listings, ArticleRepository articles, int rewalkAbove) {
        this.listings = listings;
        this.articles = articles;
        this.rewalkAbove = rewalkAbove;
    }

    /** Page {@code page} (1-based) of the column, or empty when the column has no such page. */
    public Optional<ListingPage> page(long columnId, int page) {
        // One snapshot serves the whole page: a change published meanwhile cannot mix two versions of it.
        PageAnchors snapshot = anchorsOf(columnId);
        int pages = snapshot.pages();
        if (page < 1 || page > pages) {
            return Optional.empty();
        }
        List<ArticleListItem> items = List.of();
        if (snapshot.total() > 0) {
            Seek seek = snapshot.seek((long) (page - 1) * PAGE_SIZE);
            items = listings.pageFrom(columnId, seek.from(), seek.skip(), PAGE_SIZE);
        }
        return Optional.of(new ListingPage(items, page, pages, snapshot.total()));
    }

    public List<ArticleListItem> latest(long columnId, int limit) {
        return listings.latest(columnId, limit);
    }

    public void forget(long columnId) {
        anchors.invalidate(columnId);
    }

    public void forgetAll() {
        anchors.invalidateAll();
    }

    /** The column's current anchors, walking its index when there are none. */
    PageAnchors anchorsOf(long columnId) {
        return anchors.get(columnId, id -> PageAnchors.walked(listings.walk(id, null, null, PAGE_SIZE), PAGE_SIZE));
    }

    @Override
    public String name() {
        return "column-listing";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE; // the page anchors are held in this node's memory
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        if (events.stream().anyMatch(OutboxEvent::isBulkImport)) {
            // A bulk import writes listing rows without an event each: every column is walked again.
            forgetAll();
            return;
        }
        Map<Long, List<Anchor>> touched = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            if (!event.type().startsWith("article.")) {
                continue;
            }
            Optional<ListingChange> change = ListingChange.parse(event.aggregateId(), event.payload());
            if (change.isPresent()) {
                change.get().touched().forEach(row ->
                        touched.computeIfAbsent(row.columnId(), id -> new ArrayList<>()).add(row.position()));
            } else {
                // Written before events carried their rows, or with too many columns to fit: rows unknown.
                articles.columnIdsOf(event.aggregateId()).forEach(this::forget);
                if (OutboxEvent.ARTICLE_UPDATED.equals(event.type())) {
                    forgetAll(); // an edit can move an article out of a column; its old columns are unknown
                }
            }
        }
        // Atomic per column: a walk in progress finishes first, then the recount reads the rows as they are now.
        touched.forEach((columnId, positions) ->
                anchors.asMap().computeIfPresent(columnId, (id, current) -> follow(id, current, positions)));
    }

    /** The anchors after a change at these positions, or null (dropped) when walking again is cheaper. */
    private PageAnchors follow(long columnId, PageAnchors current, List<Anchor> positions) {
        Set<Integer> blocks = new TreeSet<>();
        positions.forEach(position -> blocks.add(current.blockOf(position)));
        if (blocks.size() > rewalkAbove) {
            return null;
        }
        // A recount sets a block to what is in the database now, so it is right whatever order events arrive in
        // and however far the database is ahead of them; a later change to the block recounts it again.
        Map<Integer, Walk> walks = new HashMap<>();
        for (int block : blocks) {
            walks.put(block, listings.walk(columnId, current.top(block), current.bottom(block), PAGE_SIZE));
        }
        return current.recounted(walks);
    }
}
