package org.shegong.content;

import java.time.Instant;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnRepository;
import org.shegong.column.ColumnService;
import org.shegong.system.MutableClock;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxWriter;

/**
 * The content feature wired by hand on a {@link TestDatabase}, as Spring would wire it, for repository
 * and service tests that must run on every database without starting the application.
 */
public final class ContentFixture {

    public final TestDatabase db;
    public final MutableClock clock = new MutableClock(Instant.parse("2021-08-30T02:00:00Z"));
    public final ColumnService columns;
    public final ArticleRepository articles;
    public final ListingRepository listings;
    public final ArticleService service;
    public final ColumnListing listing;

    public ContentFixture(TestDatabase db) {
        this(db, new ListingRepository(db.jdbc()));
    }

    /** With a listing repository of the test's own, e.g. one that counts walks. */
    public ContentFixture(TestDatabase db, ListingRepository listings) {
        this.db = db;
        this.columns = new ColumnService(new ColumnRepository(db.jdbc()));
        this.articles = new ArticleRepository(new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()));
        this.listings = listings;
        this.service = new ArticleService(articles, new ArticleSearchRepository(db.jdbc()), listings, new OutboxWriter(db.jdbc(), clock),
                new org.shegong.content.similar.NearDuplicates(db.jdbc()), clock);
        this.listing = new ColumnListing(listings, articles);
    }

    public Column column(String slug) {
        return columns.bySlug(slug).orElseThrow();
    }

    /** A live news article in the given columns, with a body and a region. */
    public long publish(String externalId, String title, Instant publishedAt, String... columnSlugs) {
        return publish(externalId, title, publishedAt, false, null, List.of(), columnSlugs);
    }

    public long publish(String externalId, String title, Instant publishedAt, boolean featured, String region,
                        List<String> tags, String... columnSlugs) {
        List<Long> columnIds = java.util.Arrays.stream(columnSlugs).map(s -> column(s).id()).toList();
        ArticleInput input = new ArticleInput(externalId, title, null, null,
                "<p>" + title + "的正文。社会工作服务站正式运营。</p>", "民政部", null, null, Kind.NEWS, featured, columnIds, tags,
                region, publishedAt, ArticleStatus.LIVE);
        return db.transactions().execute(s -> service.save(input)).id();
    }
}
