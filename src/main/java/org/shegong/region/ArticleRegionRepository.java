package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shegong.system.Times;
import org.shegong.system.db.Dialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The article_region and region_listing tables. Codes the loaded data set no longer knows are skipped on read. */
@Repository
class ArticleRegionRepository {

    private final JdbcClient jdbc;
    private final RegionDirectory directory;

    ArticleRegionRepository(JdbcClient jdbc, RegionDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    List<ArticleRegion> of(long articleId) {
        return of(List.of(articleId)).getOrDefault(articleId, List.of());
    }

    /** The tags of each article, primary first. */
    Map<Long, List<ArticleRegion>> of(Collection<Long> articleIds) {
        Map<Long, List<ArticleRegion>> tags = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return tags;
        }
        jdbc.sql("SELECT article_id, region_code, is_primary, source FROM article_region WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, is_primary DESC, region_code")
                .param("ids", articleIds)
                .query((rs, n) -> new Object[] {rs.getLong("article_id"), rs.getString("region_code"),
                        rs.getBoolean("is_primary"), rs.getString("source")})
                .list()
                .forEach(row -> directory.find((String) row[1]).ifPresent(region -> tags
                        .computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add(new ArticleRegion((Long) row[0], region, (Boolean) row[2],
                                ArticleRegion.Source.valueOf((String) row[3])))));
        return tags;
    }

    /**
     * Fresh planner statistics for the two tables, which a full re-tag fills from nothing: without them PostgreSQL
     * reads a batch's 500 ids by scanning the whole table (seen at a million articles with autovacuum off).
     */
    void refreshStatistics() {
        Dialect.of(jdbc).analyze(jdbc, List.of("article_region", "region_listing"));
    }

    /** One stored tag row, as it is compared before writing (codes the data set no longer knows included). */
    record TagRow(String code, boolean primary, ArticleRegion.Source source) {
    }

    /** The stored tag rows of each article (articles with none are absent). */
    Map<Long, List<TagRow>> storedTags(Collection<Long> articleIds) {
        Map<Long, List<TagRow>> rows = new LinkedHashMap<>();
        if (!articleIds.isEmpty()) {
            jdbc.sql("SELECT article_id, region_code, is_primary, source FROM article_region WHERE article_id IN (:ids)")
                    .param("ids", articleIds)
                    .query(rs -> {
                        rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TagRow(rs.getString(2),
                                rs.getBoolean(3), ArticleRegion.Source.valueOf(rs.getString(4))));
                    });
        }
        return rows;
    }

    /** The listing rows of each article: region code and listing time (articles with none are absent). */
    Map<Long, Map<String, Instant>> listingsOf(Collection<Long> articleIds) {
        Map<Long, Map<String, Instant>> rows = new LinkedHashMap<>();
        if (!articleIds.isEmpty()) {
            jdbc.sql("SELECT article_id, region_code, published_at FROM region_listing WHERE article_id IN (:ids)")
                    .param("ids", articleIds)
                    .query(rs -> {
                        rows.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                                Times.fromDb(rs.getObject(3, java.time.LocalDateTime.class)));
                    });
        }
        return rows;
    }

    static boolean sameTags(List<TagRow> stored, List<TagRow> wanted) {
        return stored.size() == wanted.size() && Set.copyOf(stored).equals(Set.copyOf(wanted));
    }

    /** The time as the database gives it back (its precision), so that comparing with a stored time is fair. */
    static Instant asStored(Instant time) {
        return time == null ? null : Times.fromDb(Times.toDb(time));
    }

    /** Whether the listing rows {@code before} are already those of an article listed at {@code at} under codes. */
    static boolean sameListing(Map<String, Instant> before, Instant at, Collection<String> codes) {
        if (at == null) {
            return before.isEmpty();
        }
        return before.keySet().equals(Set.copyOf(codes)) && before.values().stream().allMatch(at::equals);
    }

    /** Replaces the tag rows of these articles (a batch of a full re-tag). */
    void replaceAll(Map<Long, List<TagRow>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM article_region WHERE article_id IN (:ids)").param("ids", rows.keySet()).update();
        List<Object[]> values = new ArrayList<>();
        rows.forEach((id, list) -> list.forEach(row ->
                values.add(new Object[] {id, row.code(), row.primary(), row.source().name()})));
        insertRows("INSERT INTO article_region (article_id, region_code, is_primary, source) VALUES ", 4, values);
    }

    /** Replaces the listing rows of these articles: none for a null time (a batch of a full re-tag). */
    void relistAll(Map<Long, BatchRetag.Listing> listings) {
        if (listings.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM region_listing WHERE article_id IN (:ids)").param("ids", listings.keySet()).update();
        List<Object[]> values = new ArrayList<>();
        listings.forEach((id, listing) -> {
            if (listing.at() != null) {
                listing.codes().forEach(code -> values.add(new Object[] {code, Times.toDb(listing.at()), id}));
            }
        });
        insertRows("INSERT INTO region_listing (region_code, published_at, article_id) VALUES ", 3, values);
    }

    /** Multi-row inserts of at most 200 rows a statement (every database here takes the VALUES list form). */
    private void insertRows(String insert, int columns, List<Object[]> rows) {
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += 200) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 200));
            List<Object> params = new ArrayList<>(chunk.size() * columns);
            chunk.forEach(row -> params.addAll(java.util.Arrays.asList(row)));
            jdbc.sql(insert + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)))
                    .params(params).update();
        }
    }

    boolean chosenByPerson(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article_region WHERE article_id = ? AND source = 'PERSON'")
                .param(articleId).query(Long.class).single() > 0;
    }

    /**
     * Replaces all tags of an article; the caller decides whether a person's choice may be replaced. Returns
     * whether anything changed: tags that are already so are not written again.
     */
    boolean replace(long articleId, Region primary, List<Region> others, ArticleRegion.Source source) {
        List<TagRow> wanted = rowsOf(primary, others, source);
        if (sameTags(storedTags(List.of(articleId)).getOrDefault(articleId, List.of()), wanted)) {
            return false;
        }
        replaceAll(Map.of(articleId, wanted));
        return true;
    }

    /** The rows of these tags as they are stored: the primary first, each code once. */
    static List<TagRow> rowsOf(Region primary, List<Region> others, ArticleRegion.Source source) {
        List<TagRow> rows = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        written.add(primary.code());
        rows.add(new TagRow(primary.code(), true, source));
        for (Region other : others) {
            if (written.add(other.code())) {
                rows.add(new TagRow(other.code(), false, source));
            }
        }
        return rows;
    }

    /**
     * Lists a live article under {@code codes} (already with the regions above them), or unlists it (null time).
     * Returns the regions whose listing changed (left, joined, or the article's time moved); empty when the rows
     * are already so, and then nothing is written.
     */
    Set<String> relist(long articleId, Instant publishedAt, Collection<String> codes) {
        Map<String, Instant> before = new LinkedHashMap<>();
        jdbc.sql("SELECT region_code, published_at FROM region_listing WHERE article_id = ?").param(articleId)
                .query(rs -> {
                    before.put(rs.getString(1), Times.fromDb(rs.getObject(2, java.time.LocalDateTime.class)));
                });
        Instant at = asStored(publishedAt);
        if (at != null && sameListing(before, at, codes)) {
            return Set.of();
        }
        Set<String> changed = new LinkedHashSet<>(before.keySet());
        jdbc.sql("DELETE FROM region_listing WHERE article_id = ?").param(articleId).update();
        if (at == null) {
            return changed;
        }
        for (String code : codes) {
            jdbc.sql("INSERT INTO region_listing (region_code, published_at, article_id) VALUES (?, ?, ?)")
                    .params(code, Times.toDb(publishedAt), articleId).update();
        }
        changed.addAll(codes);
        return changed;
    }

    /** Articles of any status tagged with one of these regions, newest id first (the back office's list). */
    List<Long> taggedWithAny(Collection<String> codes, int limit) {
        return jdbc.sql("SELECT DISTINCT article_id FROM article_region WHERE region_code IN (:codes)"
                        + " ORDER BY article_id DESC LIMIT :limit")
                .param("codes", codes).param("limit", limit).query(Long.class).list();
    }

    /** The newest live articles listed under a region, newest first (ids only; the caller reads list columns). */
    List<Long> newest(String code, int limit) {
        return jdbc.sql("""
                SELECT article_id FROM region_listing WHERE region_code = ?
                ORDER BY region_code DESC, published_at DESC, article_id DESC LIMIT ?""")
                .params(code, limit).query(Long.class).list();
    }

    /**
     * Live articles listed under a region after a position (null: the newest), in listing order, with their
     * listing time: a seek on region_listing's primary key, for callers that page through a region by keyset.
     */
    List<RegionTagging.Listed> listedAfter(String code, java.time.Instant at, long id, int limit) {
        if (at == null) {
            return jdbc.sql("""
                    SELECT published_at, article_id FROM region_listing WHERE region_code = ?
                    ORDER BY region_code DESC, published_at DESC, article_id DESC LIMIT ?""")
                    .params(code, limit).query(RegionTagging.Listed::of).list();
        }
        java.time.LocalDateTime when = Times.toDb(at);
        return jdbc.sql("""
                SELECT published_at, article_id FROM region_listing WHERE region_code = ? AND published_at <= ?
                  AND (published_at < ? OR article_id < ?)
                ORDER BY region_code DESC, published_at DESC, article_id DESC LIMIT ?""")
                .params(code, when, when, id, limit).query(RegionTagging.Listed::of).list();
    }
}
