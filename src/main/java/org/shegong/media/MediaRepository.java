package org.shegong.media;

import org.shegong.system.db.Like;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The media feature's tables: media_file and media_use. */
@Repository
public class MediaRepository {

    private static final String COLUMNS = "id, storage_key, kind, content_type, original_name, size_bytes, width, "
            + "height, variants, uploaded_by, created_at, download_count";

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String key, SniffedType type, String contentType, String originalName, long size, Integer width,
                Integer height, String variants, long uploadedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO media_file (storage_key, kind, content_type, original_name, search_name, size_bytes, "
                        + "width, height, variants, uploaded_by, created_at, download_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(key, type.kind().name(), contentType, originalName, originalName.toLowerCase(Locale.ROOT),
                        size, width, height, variants, uploadedBy, Times.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<MediaFile> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_file WHERE id = ?").param(id).query(this::map).optional();
    }

    /** A file an import stored from these bytes before (V86). */
    Optional<MediaFile> bySourceHash(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_file WHERE source_sha256 = ? ORDER BY id LIMIT 1")
                .param(sha256).query(this::map).optional();
    }

    void setSourceHash(long id, String sha256) {
        jdbc.sql("UPDATE media_file SET source_sha256 = ? WHERE id = ?").params(sha256, id).update();
    }

    public Optional<MediaFile> byKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_file WHERE storage_key = ?").param(key).query(this::map)
                .optional();
    }

    public List<MediaFile> byKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_file WHERE storage_key IN (:keys)").param("keys", keys)
                .query(this::map).list();
    }

    /** Newest first; {@code name} filters by a part of the uploaded name, {@code kind} by family. */
    public List<MediaFile> search(String name, MediaKind kind, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM media_file WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (name != null && !name.isBlank()) {
            sql.append(" AND search_name LIKE :name ESCAPE '!'");
            params.put("name", Like.containing(name.strip().toLowerCase(Locale.ROOT)));
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    long storedBy(long userId) {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM media_file WHERE uploaded_by = ?").param(userId)
                .query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM media_file WHERE id = ?").param(id).update() == 1;
    }

    public List<Long> usedBy(long mediaId) {
        return jdbc.sql("SELECT article_id FROM media_use WHERE media_id = ? ORDER BY article_id").param(mediaId)
                .query(Long.class).list();
    }

    public Map<Long, Integer> useCounts(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT media_id, COUNT(*) FROM media_use WHERE media_id IN (:ids) GROUP BY media_id")
                .param("ids", mediaIds).query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    void replaceUses(long articleId, Collection<Long> mediaIds) {
        jdbc.sql("DELETE FROM media_use WHERE article_id = ?").param(articleId).update();
        for (long mediaId : mediaIds) {
            jdbc.sql("INSERT INTO media_use (media_id, article_id) VALUES (?, ?)").params(mediaId, articleId).update();
        }
    }

    void addDownloads(long mediaId, long count) {
        jdbc.sql("UPDATE media_file SET download_count = download_count + ? WHERE id = ?").params(count, mediaId)
                .update();
    }

    private MediaFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MediaFile(rs.getLong("id"), rs.getString("storage_key"), MediaKind.valueOf(rs.getString("kind")),
                rs.getString("content_type"), rs.getString("original_name"), rs.getLong("size_bytes"),
                (Integer) rs.getObject("width", Integer.class), (Integer) rs.getObject("height", Integer.class),
                rs.getString("variants"), rs.getLong("uploaded_by"), Times.fromDb(rs.getObject("created_at", java.time.LocalDateTime.class)),
                rs.getLong("download_count"));
    }
}
