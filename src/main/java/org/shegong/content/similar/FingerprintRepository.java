package org.shegong.content.similar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The only code that touches article_fingerprint and fingerprint_band (used through {@link NearDuplicates}). */
class FingerprintRepository {

    private final JdbcClient jdbc;

    FingerprintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long articleId, Fingerprints fingerprints) {
        delete(articleId);
        if (fingerprints.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO article_fingerprint (article_id, whole_hash, lead_hash) VALUES (?, ?, ?)")
                .params(articleId, fingerprints.whole() == null ? 0L : fingerprints.whole(), fingerprints.lead())
                .update();
        for (int key : fingerprints.bandKeys()) {
            jdbc.sql("INSERT INTO fingerprint_band (band_key, article_id) VALUES (?, ?)").params(key, articleId)
                    .update();
        }
    }

    void delete(long articleId) {
        jdbc.sql("DELETE FROM fingerprint_band WHERE article_id = ?").param(articleId).update();
        jdbc.sql("DELETE FROM article_fingerprint WHERE article_id = ?").param(articleId).update();
    }

    /** The fingerprints of every article sharing at least one band with these keys. */
    Map<Long, Fingerprints> sharingBands(Collection<Integer> keys) {
        Map<Long, Fingerprints> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT f.article_id, f.whole_hash, f.lead_hash FROM fingerprint_band b
                JOIN article_fingerprint f ON f.article_id = b.article_id
                WHERE b.band_key IN (:keys)""")
                .param("keys", keys)
                .query((java.sql.ResultSet rs) -> {
                    found.put(rs.getLong(1), row(rs));
                });
        return found;
    }

    Fingerprints of(long articleId) {
        return jdbc.sql("SELECT article_id, whole_hash, lead_hash FROM article_fingerprint WHERE article_id = ?")
                .param(articleId).query((rs, n) -> row(rs)).optional().orElse(null);
    }

    /** Every band in key order, for the cluster report: articles sharing a key are candidates. */
    void forEachBand(BiConsumer<Integer, Long> sink) {
        jdbc.sql("SELECT band_key, article_id FROM fingerprint_band ORDER BY band_key, article_id")
                .query((java.sql.ResultSet rs) -> {
                    sink.accept(rs.getInt(1), rs.getLong(2));
                });
    }

    Map<Long, Fingerprints> byIds(Collection<Long> ids) {
        Map<Long, Fingerprints> found = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT article_id, whole_hash, lead_hash FROM article_fingerprint WHERE article_id IN (:ids)")
                    .param("ids", chunk).query((java.sql.ResultSet rs) -> {
                        found.put(rs.getLong(1), row(rs));
                    });
        }
        return found;
    }

    /** Titles and states of articles, for showing matches. */
    Map<Long, String[]> titles(Collection<Long> ids) {
        Map<Long, String[]> found = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id, title, status FROM article WHERE id IN (:ids)").param("ids", chunk)
                    .query((java.sql.ResultSet rs) -> {
                        found.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        return found;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article_fingerprint").query(Long.class).single();
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static Fingerprints row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long lead = rs.getLong(3);
        Long leadHash = rs.wasNull() ? null : lead;
        return new Fingerprints(rs.getLong(2), leadHash);
    }
}
