package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every list query of the public pages is served by an index on PostgreSQL: with 20,000 articles and fresh
 * statistics, no plan may read article or column_listing sequentially. The plans are written to
 * target/query-plans.txt for the benchmark notes.
 */
class ListingQueryPlansTest {

    private static final int ARTICLES = 20_000;

    @Test
    void listQueriesUseIndexesNotSequentialScans() throws IOException {
        ContentFixture content = new ContentFixture(TestDatabase.fresh(DatabaseTarget.POSTGRES));
        JdbcClient jdbc = content.db.jdbc();
        long news = content.column("news").id();
        long research = content.column("research").id();
        fill(jdbc, news, research);
        LocalDateTime middle = LocalDateTime.of(2021, 1, 1, 0, 0);

        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("column page 1 / home block (latest)", plan(jdbc, ListingRepository.LATEST, news, 20));
        plans.put("column page n (seek from anchor)", plan(jdbc, ListingRepository.PAGE_FROM, news, middle, middle,
                middle, 10_000L, 20, 19));
        plans.put("column page n (from the top)", plan(jdbc, ListingRepository.PAGE_FROM_TOP, news, 20, 19));
        LocalDateTime later = middle.plusDays(3);
        plans.put("anchor walk of one block", plan(jdbc, ListingRepository.walkSql(true, true), news, later, later,
                later, 10_050L, middle, middle, middle, 10_000L));
        plans.put("anchor walk of the top block", plan(jdbc, ListingRepository.walkSql(false, true), news, middle,
                middle, middle, 10_000L));
        plans.put("newer neighbour", plan(jdbc, ListingRepository.NEWER, news, middle, middle, middle, 10_000L));
        plans.put("older neighbour", plan(jdbc, ListingRepository.OLDER, news, middle, middle, middle, 10_000L));
        plans.put("both neighbours", plan(jdbc, ListingRepository.NEIGHBOURS, news, middle, middle, middle, 10_000L,
                news, middle, middle, middle, 10_000L));
        plans.put("featured of the site", plan(jdbc, ListingRepository.FEATURED_SITE.replace(":limit", "?"), 1));
        plans.put("featured of a column", plan(jdbc, ListingRepository.FEATURED_COLUMN.replace(":column", "?")
                .replace(":limit", "?"), news, 3));

        StringBuilder notes = new StringBuilder();
        plans.forEach((name, plan) -> notes.append("## ").append(name).append("\n").append(plan).append("\n\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/query-plans.txt"), notes);
        plans.forEach((name, plan) -> assertThat(plan).as(name)
                .doesNotContain("Seq Scan on article ", "Seq Scan on column_listing", "Seq Scan on article\n")
                .containsPattern("Index (Only )?Scan"));
        assertThat(plans.get("featured of a column")).as("walks the featured in display order and stops")
                .contains("ix_article_featured_listing").doesNotContain("Sort Key");
    }

    /** Articles spread over ten years, 31 regions and two columns, 1 in 1,000 featured; then ANALYZE. */
    private static void fill(JdbcClient jdbc, long news, long research) {
        jdbc.sql("""
                INSERT INTO article (external_id, title, list_summary, kind, status, featured, featured_order,
                  primary_column_id, region, published_at, created_at, updated_at, version)
                SELECT 'plan-' || g, '标题' || g, '摘要' || g, 'NEWS', 'LIVE', g % 1000 = 0, 0,
                  CASE WHEN g % 3 = 0 THEN ? ELSE ? END, '省' || (g % 31),
                  TIMESTAMP '2016-01-01 00:00:00' + g * INTERVAL '4 hours', now(), now(), 1
                FROM generate_series(1, ?) g""").params(research, news, ARTICLES).update();
        jdbc.sql("UPDATE article SET region = '辽宁' WHERE id % 31 = 7").update();
        jdbc.sql("INSERT INTO article_column (article_id, column_id) SELECT id, primary_column_id FROM article")
                .update();
        jdbc.sql("""
                INSERT INTO column_listing (column_id, published_at, article_id)
                SELECT primary_column_id, published_at, id FROM article WHERE NOT featured""").update();
        jdbc.sql("ANALYZE").update();
    }

    private static String plan(JdbcClient jdbc, String sql, Object... params) {
        List<String> lines = jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list();
        return String.join("\n", lines);
    }
}
