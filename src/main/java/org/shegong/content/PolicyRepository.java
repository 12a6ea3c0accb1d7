package org.shegong.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public list of 政策文件: live POLICY articles with their 文号, 发文机关, 成文日期 and 效力, filtered by issuer and
 * year of 成文日期, newest document first. List columns only: the join reads article_fields, never a body.
 */
@Repository
public class PolicyRepository {

    private static final String FROM = """
             FROM article a JOIN article_fields f ON f.article_id = a.id
            WHERE a.kind = 'POLICY' AND a.status = 'LIVE'""";

    private final JdbcClient jdbc;

    public PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of documents; {@code issuer} and {@code year} null for all. */
    public List<PolicyItem> page(String issuer, Integer year, int limit, int offset) {
        Where where = where(issuer, year);
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                SELECT a.id, a.title, a.published_at, f.doc_number, f.issuer, f.written_on, f.validity,
                  f.attachment_url""" + FROM + where.sql
                + " ORDER BY f.written_on DESC, a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
                .params(params).query(PolicyRepository::item).list();
    }

    public long count(String issuer, Integer year) {
        Where where = where(issuer, year);
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql).params(where.params).query(Long.class).single();
    }

    /** The issuers of live documents, for the filter's choices. */
    public List<String> issuers() {
        return jdbc.sql("SELECT DISTINCT f.issuer" + FROM + " AND f.issuer IS NOT NULL ORDER BY f.issuer")
                .query(String.class).list();
    }

    /** The years of 成文日期 of live documents, newest first. */
    public List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM f.written_on) AS y" + FROM
                        + " AND f.written_on IS NOT NULL ORDER BY y DESC")
                .query((rs, n) -> rs.getInt(1)).list();
    }

    private static Where where(String issuer, Integer year) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (issuer != null) {
            sql.append(" AND f.issuer = ?");
            params.add(issuer);
        }
        if (year != null) {
            // A range, not EXTRACT(YEAR ...) = ?, so the index on written_on serves it.
            sql.append(" AND f.written_on >= ? AND f.written_on < ?");
            params.add(LocalDate.of(year, 1, 1));
            params.add(LocalDate.of(year + 1, 1, 1));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, List<Object> params) {
    }

    private static PolicyItem item(ResultSet rs, int row) throws SQLException {
        String validity = rs.getString(7);
        return new PolicyItem(rs.getLong(1), rs.getString(2), Times.fromDb(rs.getObject(3, LocalDateTime.class)),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                validity == null ? null : KindFields.Validity.valueOf(validity), rs.getString(8));
    }

    /** One line of the policy list. */
    public record PolicyItem(long id, String title, java.time.Instant publishedAt, String docNumber, String issuer,
                             LocalDate writtenOn, KindFields.Validity validity, String attachmentUrl) {
    }
}
