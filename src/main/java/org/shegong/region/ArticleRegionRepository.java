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

    boolean chosenByPerson(long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM article_region WHERE article_id = ? AND source = 'PERSON'")
                .param(articleId).query(Long.class).single() > 0;
    }

    /**
     * Replaces all tags of an article; the caller decides whether a person's choice may be replaced. Returns
     * whether anything changed: tags that are already so are not written again.
     */
    boolean replace(long articleId, Region primary, List<Region> others, ArticleRegion.Source source) {
        List<String> wanted = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        codes.add(primary.code());
        others.forEach(other -> codes.add(other.code()));
        codes.forEach(code -> wanted.add(code + (code.equals(primary.code()) ? "*" : "") + source.name()));
        List<String> stored = jdbc.sql("SELECT region_code, is_primary, source FROM article_region WHERE article_id = ?")
                .param(articleId)
                .query((rs, n) -> rs.getString(1) + (rs.getBoolean(2) ? "*" : "") + rs.getString(3)).list();
        if (Set.copyOf(stored).equals(Set.copyOf(wanted)) && stored.size() == wanted.size()) {
            return false;
        }
        jdbc.sql("DELETE FROM article_region WHERE article_id = ?").param(articleId).update();
        Set<String> written = new LinkedHashSet<>();
        insert(articleId, primary, true, source, written);
        for (Region other : others) {
            insert(articleId, other, false, source, written);
        }
        return true;
    }

    private void insert(long articleId, Region region, boolean primary, ArticleRegion.Source source, Set<String> written) {
        if (written.add(region.code())) {
            jdbc.sql("INSERT INTO article_region (article_id, region_code, is_primary, source) VALUES (?, ?, ?, ?)")
                    .params(articleId, region.code(), primary, source.name()).update();
        }
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
        Instant at = publishedAt == null ? null : Times.fromDb(Times.toDb(publishedAt));
        if (at != null && before.keySet().equals(Set.copyOf(codes))
                && before.values().stream().allMatch(at::equals)) {
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
