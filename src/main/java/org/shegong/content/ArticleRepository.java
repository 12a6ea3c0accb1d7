package org.shegong.content;

import org.shegong.system.db.Like;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Articles, their bodies, columns and tags. Hand-written SQL that runs unchanged on H2, PostgreSQL and MariaDB. */
@Repository
public class ArticleRepository {

    private static final String FIELD_COLUMNS = "f.cover_url, a.notice_start, a.notice_end, f.notice_contact, "
            + "f.image_url, f.transcript, f.doc_number, f.issuer, f.written_on, f.validity, f.attachment_url, "
            + "f.video_url, f.poster_url, f.external_url";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    public ArticleRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** External id → (article id, content hash) for those of the given ids already stored. */
    public Map<String, Stored> findByExternalIds(Collection<String> externalIds) {
        Map<String, Stored> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT external_id, id, content_hash, published_at FROM article WHERE external_id IN (:ids)")
                .param("ids", externalIds)
                .query(rs -> {
                    found.put(rs.getString(1), new Stored(rs.getLong(2), rs.getString(3),
                            Times.fromDb(rs.getObject(4, LocalDateTime.class))));
                });
        return found;
    }

    public long insert(ArticleInput in, String listSummary, String hash, Instant now) {
        PreparedArticle row = new PreparedArticle(in, hash, listSummary);
        LocalDateTime at = Times.toDb(now);
        KeyHolder keys = new GeneratedKeyHolder();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement(ArticleRowSql.INSERT, new String[] {"id"});
            ArticleRowSql.bindInsert(ps, row, at);
            return ps;
        }, keys);
        long id = GeneratedKeys.id(keys);
        template.update(ArticleRowSql.INSERT_BODY, ps -> ArticleRowSql.bindInsertBody(ps, id, row));
        storeFields(id, in.fields());
        return id;
    }

    /** Replaces an article's fields (not its view count or creation time). */
    public void update(long id, ArticleInput in, String listSummary, String hash, Instant now) {
        PreparedArticle row = new PreparedArticle(in, hash, listSummary);
        LocalDateTime at = Times.toDb(now);
        template.update(ArticleRowSql.UPDATE, ps -> ArticleRowSql.bindUpdate(ps, id, row, at));
        template.update(ArticleRowSql.UPDATE_BODY, ps -> ArticleRowSql.bindUpdateBody(ps, id, row));
        template.update(ArticleRowSql.DELETE_FIELDS, id);
        storeFields(id, in.fields());
    }

    private void storeFields(long id, KindFields fields) {
        if (ArticleRowSql.hasFieldsRow(fields)) {
            template.update(ArticleRowSql.INSERT_FIELDS, ps -> ArticleRowSql.bindInsertFields(ps, id, fields));
        }
    }

    public void setStatus(long id, ArticleStatus status, Instant now) {
        jdbc.sql("UPDATE article SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), Times.toDb(now), id)
                .update();
    }

    public void replaceColumns(long articleId, List<Long> columnIds) {
        jdbc.sql("DELETE FROM article_column WHERE article_id = ?").param(articleId).update();
        for (Long columnId : columnIds) {
            jdbc.sql("INSERT INTO article_column (article_id, column_id) VALUES (?, ?)").params(articleId, columnId)
                    .update();
        }
    }

    public void replaceTags(long articleId, List<String> tags) {
        jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(articleId).update();
        for (String tag : tags) {
            long tagId = tagId(tag);
            jdbc.sql("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)").params(articleId, tagId).update();
        }
    }

    long tagId(String name) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM tag WHERE name = ?").param(name).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tag (name) VALUES (?)").param(name).update(keys);
        return GeneratedKeys.id(keys);
    }

    public Optional<Article> findById(long id) {
        Optional<Article> article = jdbc.sql("""
                SELECT a.id, a.external_id, a.title, a.subtitle, a.summary, a.list_summary, a.source, a.author,
                  a.editor, a.kind, a.status, a.featured, a.primary_column_id, a.region, a.published_at,
                  a.updated_at, v.views AS view_count, b.body_html, """ + FIELD_COLUMNS + " " + """
                FROM article a LEFT JOIN article_body b ON b.article_id = a.id
                  LEFT JOIN article_fields f ON f.article_id = a.id
                  LEFT JOIN article_views v ON v.article_id = a.id WHERE a.id = ?""")
                .param(id)
                .query(ArticleRepository::article)
                .optional();
        return article.map(this::withRelations);
    }

    /**
     * The article's columns and tag names in one statement, as their cross product (an article has a column or two
     * and a few tags): the uncached article page is bound by its round trips to a database server (issue 18). Not a
     * UNION: H2 parses and plans a UNION again on every execution.
     */
    private Article withRelations(Article a) {
        Set<Long> columnIds = new TreeSet<>();
        Set<String> tags = new LinkedHashSet<>();
        jdbc.sql("""
                SELECT c.column_id, t.name FROM article a LEFT JOIN article_column c ON c.article_id = a.id
                  LEFT JOIN article_tag x ON x.article_id = a.id LEFT JOIN tag t ON t.id = x.tag_id
                WHERE a.id = ? ORDER BY a.id, t.name, c.column_id""")
                .param(a.id())
                .query(rs -> {
                    long column = rs.getLong(1);
                    if (!rs.wasNull()) {
                        columnIds.add(column);
                    }
                    String tag = rs.getString(2);
                    if (tag != null) {
                        tags.add(tag);
                    }
                });
        return withRelations(a, List.copyOf(columnIds), List.copyOf(tags));
    }

    public void forEachLive(int batch, Consumer<List<Article>> sink) {
        forEachWithStatus(ArticleStatus.LIVE, batch, sink);
    }

    /**
     * Ids of the articles on the public site or withdrawn whose body or file fields contain {@code text}: one scan
     * in the database, for rare follow-ups (after a bulk import) that would otherwise read every body.
     */
    public List<Long> idsMentioning(String text) {
        String pattern = Like.containing(text);
        return jdbc.sql("""
                SELECT a.id FROM article a JOIN article_body b ON b.article_id = a.id
                WHERE a.status <> 'DRAFT' AND b.body_html LIKE ? ESCAPE '!'
                UNION
                SELECT a.id FROM article a JOIN article_fields f ON f.article_id = a.id
                WHERE a.status <> 'DRAFT' AND (f.cover_url LIKE ? ESCAPE '!' OR f.image_url LIKE ? ESCAPE '!'
                  OR f.attachment_url LIKE ? ESCAPE '!' OR f.video_url LIKE ? ESCAPE '!'
                  OR f.poster_url LIKE ? ESCAPE '!')
                ORDER BY 1""")
                .params(pattern, pattern, pattern, pattern, pattern, pattern).query(Long.class).list();
    }

    /**
     * Hands every article in {@code status}, with its body, columns and tags, to {@code sink} in batches of
     * {@code batch}, in id order, seeking by id so the whole archive never sits in memory (a search index rebuild).
     * The ORDER BY names status first so H2 walks ix_article_live_id in order; ordered by id alone it sorted
     * every remaining article for each batch, which made a rebuild quadratic (over 22 minutes at 1,000,000).
     */
    public void forEachWithStatus(ArticleStatus status, int batch, Consumer<List<Article>> sink) {
        long after = 0;
        while (true) {
            List<Article> page = jdbc.sql("""
                    SELECT a.id, a.external_id, a.title, a.subtitle, a.summary, a.list_summary, a.source, a.author,
                      a.editor, a.kind, a.status, a.featured, a.primary_column_id, a.region, a.published_at,
                      a.updated_at, v.views AS view_count, b.body_html, %s
                    FROM article a LEFT JOIN article_body b ON b.article_id = a.id
                      LEFT JOIN article_fields f ON f.article_id = a.id
                      LEFT JOIN article_views v ON v.article_id = a.id
                    WHERE a.status = '%s' AND a.id > ? ORDER BY a.status, a.id LIMIT %d""".formatted(FIELD_COLUMNS, status.name(), batch))
                    .param(after)
                    .query(ArticleRepository::article)
                    .list();
            if (page.isEmpty()) {
                return;
            }
            List<Long> ids = page.stream().map(Article::id).toList();
            Map<Long, List<Long>> columns = new HashMap<>();
            jdbc.sql("SELECT article_id, column_id FROM article_column WHERE article_id IN (:ids) ORDER BY column_id")
                    .param("ids", ids)
                    .query(rs -> {
                        columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
            Map<Long, List<String>> tags = new HashMap<>();
            jdbc.sql("""
                    SELECT x.article_id, t.name FROM article_tag x JOIN tag t ON t.id = x.tag_id
                    WHERE x.article_id IN (:ids) ORDER BY t.name""")
                    .param("ids", ids)
                    .query(rs -> {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
            sink.accept(page.stream().map(a -> withRelations(a, columns.getOrDefault(a.id(), List.of()),
                    tags.getOrDefault(a.id(), List.of()))).toList());
            after = ids.get(ids.size() - 1);
        }
    }

    public long countWithStatus(ArticleStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE status = ?").param(status.name()).query(Long.class).single();
    }

    public List<Long> columnIdsOf(long articleId) {
        return jdbc.sql("SELECT column_id FROM article_column WHERE article_id = ? ORDER BY column_id")
                .param(articleId).query(Long.class).list();
    }

    public Optional<ArticleStatus> findStatus(long id) {
        return jdbc.sql("SELECT status FROM article WHERE id = ?").param(id).query(String.class).optional()
                .map(ArticleStatus::valueOf);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    private static Article article(ResultSet rs, int row) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("external_id"), rs.getString("title"),
                rs.getString("subtitle"), rs.getString("summary"), rs.getString("list_summary"),
                rs.getString("source"), rs.getString("author"), rs.getString("editor"),
                Kind.valueOf(rs.getString("kind")), ArticleStatus.valueOf(rs.getString("status")),
                rs.getBoolean("featured"), rs.getLong("primary_column_id"), rs.getString("region"),
                Times.fromDb(rs.getObject("published_at", LocalDateTime.class)), Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)),
                rs.getLong("view_count"), rs.getString("body_html"), List.of(), List.of(), fields(rs));
    }

    /** An article's item-type fields as the two selects above read them. */
    private static KindFields fields(ResultSet rs) throws SQLException {
        String validity = rs.getString("validity");
        return new KindFields(rs.getString("cover_url"), rs.getObject("notice_start", LocalDate.class),
                rs.getObject("notice_end", LocalDate.class), rs.getString("notice_contact"),
                rs.getString("image_url"), rs.getString("transcript"), rs.getString("doc_number"),
                rs.getString("issuer"), rs.getObject("written_on", LocalDate.class),
                validity == null ? null : KindFields.Validity.valueOf(validity), rs.getString("attachment_url"),
                rs.getString("video_url"), rs.getString("poster_url"), rs.getString("external_url"));
    }

    private static Article withRelations(Article a, List<Long> columnIds, List<String> tags) {
        return new Article(a.id(), a.externalId(), a.title(), a.subtitle(), a.summary(), a.listSummary(),
                a.source(), a.author(), a.editor(), a.kind(), a.status(), a.featured(), a.primaryColumnId(),
                a.region(), a.publishedAt(), a.updatedAt(), a.viewCount(), a.bodyHtml(), columnIds, tags, a.fields());
    }

    /** What is already stored for an external id, to decide between insert, update and nothing. */
    public record Stored(long id, String contentHash, Instant publishedAt) {
    }
}
