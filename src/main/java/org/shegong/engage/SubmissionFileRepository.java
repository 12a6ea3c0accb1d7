package org.shegong.engage;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches engage_submission_file. */
@Repository
class SubmissionFileRepository {

    private final JdbcClient jdbc;

    SubmissionFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long articleId, List<SubmissionFile> files) {
        int position = 0;
        for (SubmissionFile file : files) {
            jdbc.sql("INSERT INTO engage_submission_file (article_id, file_order, media_id, storage_key, file_name, "
                            + "content_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(articleId, position++, file.mediaId(), file.storageKey(), file.name(), file.contentType(),
                            file.sizeBytes())
                    .update();
        }
    }

    List<SubmissionFile> forArticle(long articleId) {
        return jdbc.sql("SELECT media_id, storage_key, file_name, content_type, size_bytes FROM engage_submission_file "
                        + "WHERE article_id = ? ORDER BY article_id, file_order")
                .param(articleId)
                .query((rs, n) -> new SubmissionFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(4).startsWith("image/"), rs.getLong(5)))
                .list();
    }

    /** Few rows (one per attachment sent), so no index on media_id. */
    List<Long> articlesWithMedia(long mediaId) {
        return jdbc.sql("SELECT DISTINCT article_id FROM engage_submission_file WHERE media_id = ? ORDER BY article_id")
                .param(mediaId).query(Long.class).list();
    }
}
