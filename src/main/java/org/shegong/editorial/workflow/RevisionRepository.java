package org.shegong.editorial.workflow;

import org.shegong.system.db.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.content.Kind;
import org.shegong.content.KindFields;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The article_revision table: insert and read only. A revision is never changed once written. */
@Repository
public class RevisionRepository {

    private static final String COLUMNS = "article_id, number, base_number, title, subtitle, summary, body_html, "
            + "source, author, editor, kind, featured, column_ids, tags, region, published_at, created_by, "
            + "created_by_name, created_at, autosave, kind_fields";
    /** Everything but the body: what a list of revisions needs. */
    private static final String LIST_COLUMNS = COLUMNS.replace("body_html, ", "NULL AS body_html, ");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Revision revision) {
        RevisionContent c = revision.content();
        jdbc.sql("INSERT INTO article_revision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(revision.articleId(), revision.number(), revision.baseNumber(), c.title(), c.subtitle(),
                        c.summary(), c.bodyHtml(), c.source(), c.author(), c.editor(), c.kind().name(), c.featured(),
                        joinIds(c.columnIds()), c.tags().isEmpty() ? null : String.join("\n", c.tags()), c.region(),
                        Times.toDb(c.publishedAt()), revision.createdBy(), revision.createdByName(),
                        Times.toDb(revision.createdAt()), revision.autosave(),
                        c.fields().isEmpty() ? null : JSON.writeValueAsString(c.fields().toMap()))
                .update();
    }

    public Optional<Revision> find(long articleId, int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article_revision WHERE article_id = ? AND number = ?")
                .params(articleId, number).query(RevisionRepository::revision).optional();
    }

    /** Newest first, without bodies. */
    public List<Revision> list(long articleId) {
        return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM article_revision WHERE article_id = ? ORDER BY number DESC")
                .param(articleId).query(RevisionRepository::revision).list();
    }

    /**
     * Articles whose work since the live version (a draft never published, changes waiting for review, autosaves)
     * contains {@code text} in the body or the item-type fields. Scans only unpublished revisions; for the rare
     * question "may this file be deleted", not for pages.
     */
    public List<Long> unpublishedContaining(String text) {
        String pattern = Like.containing(text);
        return jdbc.sql("""
                SELECT DISTINCT r.article_id FROM article_workflow w
                JOIN article_revision r ON r.article_id = w.article_id AND r.number > COALESCE(w.live_revision, 0)
                WHERE w.latest_revision <> COALESCE(w.live_revision, 0)
                  AND (r.body_html LIKE ? ESCAPE '!' OR r.kind_fields LIKE ? ESCAPE '!')
                ORDER BY r.article_id""")
                .params(pattern, pattern).query(Long.class).list();
    }

    /** A revision's item-type fields, written by this class (so well formed) as a JSON object of texts. */
    private static KindFields fields(String json) {
        return json == null ? KindFields.NONE : KindFields.fromMap(JSON.readValue(json, MAP));
    }

    private static String joinIds(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        String tags = rs.getString("tags");
        RevisionContent content = new RevisionContent(rs.getString("title"), rs.getString("subtitle"),
                rs.getString("summary"), rs.getString("body_html"), rs.getString("source"), rs.getString("author"),
                rs.getString("editor"), Kind.valueOf(rs.getString("kind")), rs.getBoolean("featured"),
                Arrays.stream(rs.getString("column_ids").split(",")).map(Long::valueOf).toList(),
                tags == null ? List.of() : List.of(tags.split("\n")), rs.getString("region"),
                Times.fromDb(rs.getObject("published_at", LocalDateTime.class)), fields(rs.getString("kind_fields")));
        Object createdBy = rs.getObject("created_by");
        return new Revision(rs.getLong("article_id"), rs.getInt("number"), rs.getInt("base_number"), content,
                createdBy == null ? null : ((Number) createdBy).longValue(), rs.getString("created_by_name"),
                Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), rs.getBoolean("autosave"));
    }
}
