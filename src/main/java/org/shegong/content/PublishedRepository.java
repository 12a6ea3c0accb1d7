package org.shegong.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Live articles for machines: feeds, sitemaps and the digest composer. Every query reads list columns only
 * and is a range scan on an index (ix_article_live, ix_article_live_id, or column_listing's key).
 *
 * <p>The ORDER BY clauses repeat the column fixed by the WHERE clause (status, column_id) on purpose: H2 only
 * reads an index in order, instead of sorting every matching row, when the ORDER BY starts with the index's
 * leading column (measured: 1 ms instead of 1.1 s for 300,000 rows). PostgreSQL and MariaDB do not mind.
 */
@Repository
public class PublishedRepository {

    static final String COLUMNS = "a.id, a.title, a.list_summary, a.source, a.author, a.published_at, "
            + "a.updated_at, a.kind, a.primary_column_id, a.list_image, a.notice_start, a.notice_end";

    private final JdbcClient jdbc;

    private final int picturesWithin;

    @Autowired
    public PublishedRepository(JdbcClient jdbc) {
        this(jdbc, PICTURES_WITHIN);
    }

    PublishedRepository(JdbcClient jdbc, int picturesWithin) {
        this.jdbc = jdbc;
        this.picturesWithin = picturesWithin;
    }

    /** How far back 图片新闻's fallback looks for pictures, in live articles. */
    static final int PICTURES_WITHIN = 2_000;

    /**
     * The newest live articles with a picture among the newest {@value #PICTURES_WITHIN} live articles (图片新闻's
     * fallback when editors chose none). Bounded: on an archive without pictures an unbounded walk read every
     * article, and the first home page after a start waited 10-25 s for it at 1,000,000 articles (issue 18). The
     * bound is a time found first, not a derived table: H2 plans a derived table's ORDER BY without the index.
     */
    public List<PublishedItem> latestWithImage(int limit) {
        Optional<LocalDateTime> since = jdbc.sql("""
                SELECT published_at FROM article WHERE status = 'LIVE' AND published_at IS NOT NULL
                ORDER BY status DESC, published_at DESC, id DESC LIMIT 1 OFFSET ?""")
                .param(picturesWithin - 1).query(LocalDateTime.class).optional();
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.status = 'LIVE' AND a.published_at "
                        + (since.isPresent() ? ">= ?" : "IS NOT NULL") + """
                 AND a.list_image IS NOT NULL
                ORDER BY a.status DESC, a.published_at DESC, a.id DESC LIMIT ?""")
                .params(since.isPresent() ? List.of(since.get(), limit) : List.of(limit))
                .query(PublishedRepository::item)
                .list();
    }

    /** The newest live articles of the whole site, featured ones included. */
    public List<PublishedItem> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM article a WHERE a.status = 'LIVE' AND a.published_at IS NOT NULL
                ORDER BY a.status DESC, a.published_at DESC, a.id DESC LIMIT ?""")
                .param(limit)
                .query(PublishedRepository::item)
                .list();
    }

    /**
     * The newest live articles of one column, featured ones included. The column's listing holds the
     * non-featured ones in order (a seek), the few featured ones are added and the two merged.
     */
    public List<PublishedItem> latestOfColumn(long columnId, int limit) {
        List<Long> ids = new ArrayList<>(jdbc.sql("""
                SELECT article_id FROM column_listing WHERE column_id = ?
                ORDER BY column_id DESC, published_at DESC, article_id DESC LIMIT ?""")
                .params(columnId, limit).query(Long.class).list());
        ids.addAll(jdbc.sql("""
                SELECT a.id FROM article a JOIN article_column ac ON ac.article_id = a.id
                WHERE ac.column_id = ? AND a.featured = TRUE AND a.status = 'LIVE' AND a.published_at IS NOT NULL""")
                .param(columnId).query(Long.class).list());
        List<PublishedItem> items = byIds(ids);
        return items.stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    /** Live articles of a column published in [from, to), newest first: what a digest gathers. */
    public List<PublishedItem> publishedBetween(long columnId, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM article a JOIN article_column ac ON ac.article_id = a.id
                WHERE ac.column_id = ? AND a.status = 'LIVE' AND a.published_at >= ? AND a.published_at < ?
                ORDER BY a.published_at DESC, a.id DESC LIMIT ?""")
                .params(columnId, Times.toDb(from), Times.toDb(to), limit)
                .query(PublishedRepository::item)
                .list();
    }

    /** Live articles published at or after {@code since}, newest first: the news sitemap. */
    public List<PublishedItem> publishedSince(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM article a WHERE a.status = 'LIVE' AND a.published_at >= ?
                ORDER BY a.status DESC, a.published_at DESC, a.id DESC LIMIT ?""")
                .params(Times.toDb(since), limit)
                .query(PublishedRepository::item)
                .list();
    }

    /** Up to {@code limit} live articles with an id above {@code afterId}, by id: one sitemap page. */
    public List<SitemapEntry> sitemapPage(long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, updated_at FROM article WHERE status = 'LIVE' AND id > ? ORDER BY status, id LIMIT ?""")
                .params(afterId, limit)
                .query((rs, n) -> new SitemapEntry(rs.getLong(1), Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                .list();
    }

    /**
     * The sitemap pages over all live articles by id, {@code pageSize} each: for each page the id it starts
     * after (keyset), and its newest change (lastmod). One index scan, whatever the number of pages.
     */
    public List<SitemapPage> sitemapPages(int pageSize) {
        return jdbc.sql("""
                SELECT MIN(id), MAX(id), MAX(updated_at), COUNT(*) FROM (
                  SELECT id, updated_at, FLOOR((ROW_NUMBER() OVER (ORDER BY id) - 1) / ?) AS bucket
                  FROM article WHERE status = 'LIVE') numbered
                GROUP BY bucket ORDER BY MIN(id)""")
                .param(pageSize)
                .query((rs, n) -> new SitemapPage(rs.getLong(1), rs.getLong(2),
                        Times.fromDb(rs.getObject(3, LocalDateTime.class)), rs.getLong(4)))
                .list();
    }

    /** The live ones among the given articles, in the given order (curated lists: home-page slots, 专题). */
    public List<PublishedItem> liveInOrder(List<Long> ids) {
        java.util.Map<Long, PublishedItem> found = new java.util.HashMap<>();
        for (PublishedItem item : byIds(ids)) {
            found.put(item.id(), item);
        }
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The newest live articles with a tag. The tag's rows are read through ix_article_tag_tag; a tag on very many
     * articles is sorted in full, which a topic page (a handful of items, rarely rendered) can afford.
     */
    public List<PublishedItem> latestTagged(String tag, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM tag t JOIN article_tag atg ON atg.tag_id = t.id JOIN article a ON a.id = atg.article_id
                WHERE t.name = ? AND a.status = 'LIVE' AND a.published_at IS NOT NULL
                ORDER BY a.published_at DESC, a.id DESC LIMIT ?""")
                .params(tag, limit).query(PublishedRepository::item).list();
    }

    private List<PublishedItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id IN (:ids) AND a.status = 'LIVE'")
                .param("ids", ids.stream().distinct().toList())
                .query(PublishedRepository::item)
                .list();
    }

    private static final Comparator<PublishedItem> NEWEST_FIRST = Comparator
            .comparing(PublishedItem::publishedAt).thenComparingLong(PublishedItem::id).reversed();

    static PublishedItem item(ResultSet rs, int row) throws SQLException {
        return new PublishedItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Times.fromDb(rs.getObject(6, LocalDateTime.class)), Times.fromDb(rs.getObject(7, LocalDateTime.class)),
                Kind.valueOf(rs.getString(8)), rs.getLong(9), rs.getString(10),
                rs.getObject(11, java.time.LocalDate.class), rs.getObject(12, java.time.LocalDate.class));
    }

    /** One URL of an article sitemap. */
    public record SitemapEntry(long id, Instant updatedAt) {
    }

    /** One article sitemap: the live ids firstId..lastId, and the newest change among them. */
    public record SitemapPage(long firstId, long lastId, Instant lastModified, long count) {
    }
}
