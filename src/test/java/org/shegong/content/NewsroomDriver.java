package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.content.ListingRepository.Walk;
import org.shegong.system.Times;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxEvent;

/**
 * A newsroom at work on the content feature: articles saved, withdrawn and republished through
 * {@link ArticleService}, and the outbox events this leaves handed to a {@link ColumnListing} in batches, as the
 * relay would. Counts the walks of whole columns, so a test can tell maintenance from a rebuild.
 */
final class NewsroomDriver {

    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    final ContentFixture content;
    final ColumnListing listing;
    final Map<Long, Integer> fullWalks = new ConcurrentHashMap<>();
    /** Every article saved, by id, as last saved (live or not). */
    final Map<Long, ArticleInput> saved = new ConcurrentHashMap<>();
    private long lastEvent;
    private int nextExternalId;

    NewsroomDriver(TestDatabase db, int rewalkAbove) {
        this.content = new ContentFixture(db, new ListingRepository(db.jdbc()) {
            @Override
            public Walk walk(long columnId, Anchor from, Anchor before, int n) {
                if (from == null && before == null) {
                    fullWalks.merge(columnId, 1, Integer::sum);
                }
                return super.walk(columnId, from, before, n);
            }
        });
        this.listing = new ColumnListing(content.listings, content.articles, rewalkAbove);
    }

    long column(String slug) {
        return content.column(slug).id();
    }

    int fullWalksOf(long columnId) {
        return fullWalks.getOrDefault(columnId, 0);
    }

    /** A new live article at that time in those columns. */
    long publish(Instant at, long... columnIds) {
        String externalId = "nr-" + nextExternalId++;
        List<Long> columns = java.util.Arrays.stream(columnIds).boxed().toList();
        ArticleInput input = new ArticleInput(externalId, "新闻" + externalId, null, null, "<p>社会工作服务站。</p>",
                "民政部", null, null, Kind.NEWS, false, columns, List.of(), null, at, ArticleStatus.LIVE);
        return save(input);
    }

    /**
     * {@code count} articles in the first column, three to a minute (ties on time), every fifth also in the
     * second; their events drained. Returns the newest time.
     */
    Instant fill(Random random, int count, long column, long alsoEveryFifth) {
        Instant at = START;
        for (int i = 0; i < count; i++) {
            at = START.plusSeconds(60L * (i / 3));
            publish(at, i % 5 == 0 ? new long[] {column, alsoEveryFifth} : new long[] {column});
        }
        drain(random, 500);
        return at;
    }

    /** Saves the article again with one thing changed (an editor's update: article.updated). */
    void update(long id, Instant at, boolean featured, List<Long> columns, String title) {
        ArticleInput was = saved.get(id);
        save(new ArticleInput(was.externalId(), title, null, null, was.bodyHtml(), was.source(), null, null,
                was.kind(), featured, columns, List.of(), null, at, ArticleStatus.LIVE));
    }

    void withdraw(long id) {
        content.db.transactions().executeWithoutResult(s -> content.service.withdraw(id));
        ArticleInput was = saved.get(id);
        saved.put(id, copy(was, ArticleStatus.WITHDRAWN));
    }

    /** Puts a withdrawn article back on the site, as the workflow does (article.published). */
    void republish(long id) {
        ArticleInput input = copy(saved.get(id), ArticleStatus.LIVE);
        content.db.transactions().executeWithoutResult(s -> content.service.replace(id, input));
        saved.put(id, input);
    }

    boolean isListed(long id) {
        ArticleInput input = saved.get(id);
        return input.status() == ArticleStatus.LIVE && !input.featured();
    }

    /** Hands every new outbox event to the listing, in batches of random size (at most {@code maxBatch}). */
    void drain(Random random, int maxBatch) {
        List<OutboxEvent> events = content.db.jdbc().sql("""
                        SELECT id, event_type, aggregate_id, payload, created_at FROM outbox_event
                        WHERE id > ? ORDER BY id""")
                .param(lastEvent)
                .query((rs, n) -> new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Times.fromDb(rs.getObject(5, LocalDateTime.class))))
                .list();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(maxBatch));
            listing.handle(new ArrayList<>(events.subList(from, to)));
            from = to;
        }
        if (!events.isEmpty()) {
            lastEvent = events.get(events.size() - 1).id();
        }
    }

    /** Page {@code page} computed afresh, the naive way: OFFSET over the listing order. */
    List<Long> offsetPage(long columnId, int page) {
        return content.db.jdbc().sql("""
                        SELECT article_id FROM column_listing WHERE column_id = ?
                        ORDER BY column_id DESC, published_at DESC, article_id DESC LIMIT ? OFFSET ?""")
                .params(columnId, ColumnListing.PAGE_SIZE, (page - 1) * ColumnListing.PAGE_SIZE)
                .query(Long.class).list();
    }

    /** Every page, its count of pages and its total equal a fresh computation; one past the last is absent. */
    void assertEveryPageAsFresh(long columnId, String context) {
        long total = content.db.jdbc().sql("SELECT COUNT(*) FROM column_listing WHERE column_id = ?")
                .param(columnId).query(Long.class).single();
        int pages = (int) Math.max((total + ColumnListing.PAGE_SIZE - 1) / ColumnListing.PAGE_SIZE, 1);
        for (int page = 1; page <= pages; page++) {
            ListingPage shown = listing.page(columnId, page).orElseThrow();
            assertThat(shown.items()).as("%s: page %d of %d", context, page, pages)
                    .extracting(ArticleListItem::id).containsExactlyElementsOf(offsetPage(columnId, page));
            assertThat(shown.total()).as("%s: total", context).isEqualTo(total);
            assertThat(shown.pages()).as("%s: pages", context).isEqualTo(pages);
        }
        assertThat(listing.page(columnId, pages + 1)).as("%s: page after the last", context).isEmpty();
        PageAnchors anchors = listing.anchorsOf(columnId);
        assertThat(anchors.largestBlock()).as("%s: longest skip", context).isLessThanOrEqualTo(anchors.maxBlock());
    }

    private long save(ArticleInput input) {
        long id = content.db.transactions().execute(s -> content.service.save(input)).id();
        saved.put(id, input);
        return id;
    }

    private static ArticleInput copy(ArticleInput in, ArticleStatus status) {
        return new ArticleInput(in.externalId(), in.title(), in.subtitle(), in.summary(), in.bodyHtml(), in.source(),
                in.author(), in.editor(), in.kind(), in.featured(), in.columnIds(), in.tags(), in.region(),
                in.publishedAt(), status);
    }
}
