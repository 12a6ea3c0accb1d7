package org.shegong.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Live articles filtered and paged for machines (the open-data API): newest first by (published_at, id), paged by
 * seeking past the last row of the previous page, never by an offset, so page 10,000 costs what page 1 costs when
 * the filter is not selective. Reads list columns only, never bodies. Without a filter the seek runs on
 * ix_article_live (status, published_at, id); a column, tag or kind filter is checked on each row the walk meets.
 */
@Service
public class LiveArticles {

    private final JdbcClient jdbc;

    public LiveArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to list; every field is optional.
     *
     * @param columnIds articles filed in any of these columns (null: any; empty: none)
     * @param kind      only this kind
     * @param tag       only articles with this tag (exact name)
     * @param from      published at or after
     * @param until     published before (exclusive)
     * @param onlyIds   only these articles (another feature's pre-selection, e.g. a region's listing)
     */
    public record Filter(Collection<Long> columnIds, Kind kind, String tag, Instant from, Instant until,
                         Collection<Long> onlyIds) {
    }

    /** A place in the order: the last row of the previous page. */
    public record Position(Instant publishedAt, long id) {
    }

    /** Up to {@code limit} live articles after {@code after} (null: from the newest). */
    public List<PublishedItem> page(Filter filter, Position after, int limit) {
        if ((filter.columnIds() != null && filter.columnIds().isEmpty())
                || (filter.onlyIds() != null && filter.onlyIds().isEmpty())) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + PublishedRepository.COLUMNS
                + " FROM article a WHERE a.status = 'LIVE' AND a.published_at IS NOT NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.kind() != null) {
            sql.append(" AND a.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            sql.append(" AND a.published_at >= :from");
            params.put("from", Times.toDb(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" AND a.published_at < :until");
            params.put("until", Times.toDb(filter.until()));
        }
        if (filter.columnIds() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_column ac WHERE ac.article_id = a.id"
                    + " AND ac.column_id IN (:columns))");
            params.put("columns", new ArrayList<>(filter.columnIds()));
        }
        if (filter.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tag atg JOIN tag t ON t.id = atg.tag_id"
                    + " WHERE atg.article_id = a.id AND t.name = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.onlyIds() != null) {
            sql.append(" AND a.id IN (:ids)");
            params.put("ids", new ArrayList<>(filter.onlyIds()));
        }
        if (after != null) {
            sql.append(" AND a.published_at <= :at AND (a.published_at < :at OR a.id < :id)");
            params.put("at", Times.toDb(after.publishedAt()));
            params.put("id", after.id());
        }
        // status DESC first: H2 walks ix_article_live in order (and stops at LIMIT) only when the ORDER BY names
        // the index's leading column, as PublishedRepository explains.
        sql.append(" ORDER BY a.status DESC, a.published_at DESC, a.id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(PublishedRepository::item).list();
    }
}
