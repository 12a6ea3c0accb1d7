package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.column.Column;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ContentFixture;
import org.shegong.content.ListingPage;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.core.io.ClassPathResource;

/**
 * The bulk path on every database against the normal path as the reference: the same rows, listings, outcomes
 * and line reports, in chunks small enough that the test files span several; one outbox event for the run.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class BulkImporterTest {

    private static final int CHUNK = 64;

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    BulkImporter bulk;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        bulk = Importers.bulkOn(content, CHUNK);
    }

    @Test
    void storesTheSameRowsAndListingsAsTheNormalPath() throws IOException {
        ImportReport normal = Importers.on(content).importJsonLines(files(), n -> { });
        List<String> expectedRows = snapshot();
        List<List<String>> expectedPages = allColumnPages();

        content = new ContentFixture(TestDatabase.fresh(target));
        bulk = Importers.bulkOn(content, CHUNK);
        ImportReport report = bulk.importJsonLines(files(), n -> { });

        assertThat(report.toString()).isEqualTo(normal.toString()).startsWith("新增 500, 更新 0, 未变 0, 失败 0");
        assertThat(snapshot()).containsExactlyElementsOf(expectedRows);
        assertThat(allColumnPages()).containsExactlyElementsOf(expectedPages);
    }

    @Test
    void aReimportChangesNothingAndChangedLinesAreUpdatedInPlace() throws IOException {
        assertThat(bulk.importJsonLines(sample(), n -> { }).created()).isEqualTo(300);
        ImportReport again = bulk.importJsonLines(sample(), n -> { });
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(300);
        assertThat(content.articles.count()).isEqualTo(300);

        String file = String.join("\n",
                line("1", "政策法规", "改过的标题", "2030-01-02T10:00:00+08:00", "新的正文。"),
                line("new-1", "行业动态", "新加的一条", "2030-01-01T10:00:00+08:00", "正文。"));
        ImportReport changed = bulk.importJsonLines(stream(file), n -> { });
        assertThat(changed.toString()).isEqualTo("新增 1, 更新 1, 未变 0, 失败 0");
        assertThat(content.articles.count()).isEqualTo(301);
        assertThat(content.db.jdbc().sql("SELECT version FROM article WHERE external_id = '1'").query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(body("1")).isEqualTo("<p>新的正文。</p>");
        // It moved to 政策法规 and to the top: its old column lists it no more, its new one first.
        assertThat(titles("policy", 1).get(0)).isEqualTo("改过的标题");
        assertThat(titles("news", 1).get(0)).isEqualTo("新加的一条");
        assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM column_listing l JOIN article a ON a.id = l.article_id"
                + " WHERE a.external_id = '1'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameIdTwiceInAFileEndsAsTheLastLineSaysAndCountsAsOneByOne() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(line("d", "行业动态", "第一版", "2021-08-27", "正文一。"));
        lines.add(line("d", "行业动态", "第二版", "2021-08-28", "正文二。")); // same chunk
        for (int i = 0; i < CHUNK; i++) {
            lines.add(line("f" + i, "理论研究", "填充" + i, "2021-08-01", "正文。"));
        }
        lines.add(line("d", "政策法规", "第三版", "2021-08-29", "正文三。")); // a later chunk
        lines.add(line("d", "政策法规", "第三版", "2021-08-29", "正文三。"));
        String file = String.join("\n", lines);

        ImportReport normal = Importers.on(content).importJsonLines(stream(file), n -> { });
        List<String> expected = snapshot();
        content = new ContentFixture(TestDatabase.fresh(target));
        ImportReport report = Importers.bulkOn(content, CHUNK).importJsonLines(stream(file), n -> { });

        assertThat(report.toString()).isEqualTo(normal.toString()).isEqualTo("新增 65, 更新 2, 未变 1, 失败 0");
        assertThat(snapshot()).containsExactlyElementsOf(expected);
        assertThat(titles("policy", 1)).containsExactly("第三版");
        assertThat(titles("news", 1)).isEmpty();
    }

    @Test
    void badLinesAreReportedAsTheNormalPathReportsThem() throws IOException {
        String file = String.join("\n",
                line("1", "行业动态", "好的第一条", "2021-08-27T10:00:00+08:00", "正文。"),
                "{not json",
                "{\"id\":\"3\",\"column\":\"行业动态\",\"published_at\":\"2021-08-27\"}",
                line("4", "不存在的栏目", "栏目不对", "2021-08-27T10:00:00+08:00", "正文。"),
                line("5", "政策法规", "日期不对", "27/08/2021", "正文。"),
                line("6", "政策法规", "标".repeat(301), "2021-08-27", "正文。"),
                "",
                "[1,2]",
                line("9", "policy", "好的第二条", "2021-08-27 09:30", "正文。"),
                "{\"id\":\"10\",\"column\":\"news\",\"title\":\"类型不对\",\"published_at\":\"2021-08-27\",\"kind\":\"poem\"}");
        ImportReport normal = Importers.on(content).importJsonLines(stream(file), n -> { });
        content = new ContentFixture(TestDatabase.fresh(target));
        ImportReport report = Importers.bulkOn(content, 4).importJsonLines(stream(file), n -> { });

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(7);
        assertThat(report.problems()).containsExactlyElementsOf(normal.problems());
        assertThat(report.problems().get(0).toString()).startsWith("第 2 行: ").contains("JSON");
    }

    @Test
    void columnPagesShowTheImportedItemsNewestFirstOnceTheEventIsDelivered() throws IOException {
        long news = content.column("news").id();
        content.publish("old", "早先的一条", java.time.Instant.parse("2020-01-01T00:00:00Z"), "news");
        OutboxRelay relay = new OutboxRelay(content.db.jdbc(), List.of(content.listing), content.clock,
                org.shegong.system.NodeId.of("test"), content.db.transactions().getTransactionManager());
        relay.drain();
        assertThat(content.listing.page(news, 1).orElseThrow().total()).isEqualTo(1); // its anchors are now cached

        // 45 items in a shuffled order of dates, a featured one (never listed) and one also in 政策法规.
        List<Integer> order = IntStream.range(0, 45).map(i -> (i * 17) % 45).boxed().toList();
        String file = order.stream().map(i -> line("n" + i, i == 44 ? "[\"行业动态\",\"政策法规\"]" : "行业动态",
                        "条目" + i, "2021-06-%02dT%02d:00:00+08:00".formatted(1 + i / 24, i % 24), "正文。")
                        .replace("\"source\"", i == 10 ? "\"featured\":true,\"source\"" : "\"source\""))
                .collect(Collectors.joining("\n"));
        bulk.importJsonLines(stream(file), n -> { });
        relay.drain();

        ListingPage first = content.listing.page(news, 1).orElseThrow();
        assertThat(first.total()).isEqualTo(45); // 44 listed (one is featured) plus the old one
        assertThat(first.pages()).isEqualTo(3);
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            listed.addAll(titles("news", page));
        }
        List<String> expected = new ArrayList<>(IntStream.iterate(44, i -> i >= 0, i -> i - 1).filter(i -> i != 10)
                .mapToObj(i -> "条目" + i).toList());
        expected.add("早先的一条");
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(titles("policy", 1)).containsExactly("条目44");
        assertThat(content.listings.featured(news, 5)).extracting(ArticleListItem::title).containsExactly("条目10");
    }

    @Test
    void theDatabaseIsToldToGatherStatisticsOnceTheArticlesAreStored() throws IOException {
        bulk.importJsonLines(sample(), n -> { });
        var jdbc = content.db.jdbc();
        switch (target) {
            case POSTGRES -> assertThat(jdbc.sql("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'article'"
                    + " AND last_analyze IS NOT NULL").query(Long.class).optional()).as("analysed").isPresent();
            case MARIADB -> { } // ANALYZE TABLE ran (or the import would have failed); InnoDB keeps no trace to test
            default -> assertThat(jdbc.sql("SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME ="
                    + " 'ARTICLE' AND COLUMN_NAME = 'EXTERNAL_ID'").query(Integer.class).single())
                    .as("H2's ANALYZE sets each column's selectivity").isGreaterThan(50);
        }
    }

    @Test
    void oneEventAnnouncesTheWholeRunAndNoneIsWrittenPerArticle() throws IOException {
        bulk.importJsonLines(sample(), n -> { });
        assertThat(eventTypes()).containsExactly(OutboxEvent.ARTICLES_BULK_IMPORTED);
        String payload = content.db.jdbc().sql("SELECT payload FROM outbox_event").query(String.class).single();
        assertThat(payload).isEqualTo("{\"created\":300,\"updated\":0,\"unchanged\":0}");

        // A re-run announces again even when nothing changed: it is how an interrupted run reaches the index.
        bulk.importJsonLines(sample(), n -> { });
        assertThat(eventTypes()).containsExactly(OutboxEvent.ARTICLES_BULK_IMPORTED, OutboxEvent.ARTICLES_BULK_IMPORTED);
        // A file with no good line announces nothing.
        bulk.importJsonLines(stream("{broken"), n -> { });
        assertThat(eventTypes()).hasSize(2);
    }

    @Test
    void progressIsReportedOncePerChunk() throws IOException {
        int lines = 3 * CHUNK + 7;
        List<Long> progress = new ArrayList<>();
        String file = IntStream.rangeClosed(1, lines)
                .mapToObj(i -> line("g" + i, "行业动态", "生成的第" + i + "条", "2021-08-27", "正文。"))
                .collect(Collectors.joining("\n"));
        ImportReport report = bulk.importJsonLines(stream(file), progress::add);
        assertThat(report.created()).isEqualTo(lines);
        assertThat(progress).containsExactly((long) CHUNK, 2L * CHUNK, 3L * CHUNK, (long) lines);
    }

    @Test
    void aFileThatCannotBeReadToTheEndFailsAfterStoringAndAnnouncingWhatWasRead() {
        // More text than the reader decodes at once (64 K characters), so that whole chunks come before the fault.
        String good = IntStream.range(0, 3 * CHUNK).mapToObj(i -> line("r" + i, "行业动态", "第" + i + "条", "2021-08-27",
                "正文".repeat(250))).collect(Collectors.joining("\n", "", "\n"));
        byte[] head = good.getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(head, head.length + 2);
        file[head.length] = (byte) 0xE7; // a lone lead byte: not UTF-8
        file[head.length + 1] = '\n';
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> bulk.importJsonLines(new ByteArrayInputStream(file), n -> { }))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        long stored = content.articles.count();
        assertThat(stored).isBetween((long) CHUNK, 3L * CHUNK - 1).isEqualTo(stored / CHUNK * CHUNK);
        assertThat(eventTypes()).containsExactly(OutboxEvent.ARTICLES_BULK_IMPORTED);
    }

    @Test
    void aLineTheDatabaseRefusesIsReportedWhileTheRestOfItsChunkIsStored() throws IOException {
        assumeTrue(target == DatabaseTarget.H2, "H2 is the database with a length limit on bodies");
        String file = String.join("\n",
                line("ok-1", "行业动态", "好的", "2021-08-27", "正文。"),
                line("too-long", "行业动态", "正文太长", "2021-08-27", "社".repeat(1_000_001)),
                line("ok-2", "行业动态", "也好", "2021-08-27", "正文。"));
        ImportReport report = bulk.importJsonLines(stream(file), n -> { });
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("数据库拒绝: ");
        });
        assertThat(titles("news", 1)).containsExactlyInAnyOrder("好的", "也好");
    }

    private List<String> eventTypes() {
        return content.db.jdbc().sql("SELECT event_type FROM outbox_event ORDER BY id").query(String.class).list();
    }

    /** Every stored row that an import writes, keyed by external id (article ids differ between runs). */
    private List<String> snapshot() {
        List<String> rows = new ArrayList<>(content.db.jdbc().sql("""
                SELECT a.external_id, a.title, a.subtitle, a.summary, a.list_summary, a.source, a.author, a.editor,
                  a.kind, a.status, a.featured, a.primary_column_id, a.region, a.published_at, a.content_hash,
                  a.version, b.body_html
                FROM article a JOIN article_body b ON b.article_id = a.id ORDER BY a.external_id""")
                .query((rs, n) -> IntStream.rangeClosed(1, 17).mapToObj(i -> {
                    try {
                        return String.valueOf(rs.getObject(i));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.joining("|"))).list());
        rows.addAll(content.db.jdbc().sql("""
                SELECT a.external_id, x.column_id FROM article_column x JOIN article a ON a.id = x.article_id
                ORDER BY a.external_id, x.column_id""").query((rs, n) -> "column " + rs.getString(1) + " " + rs.getLong(2)).list());
        rows.addAll(content.db.jdbc().sql("""
                SELECT a.external_id, t.name FROM article_tag x JOIN article a ON a.id = x.article_id
                JOIN tag t ON t.id = x.tag_id ORDER BY a.external_id, t.name""")
                .query((rs, n) -> "tag " + rs.getString(1) + " " + rs.getString(2)).list());
        rows.addAll(content.db.jdbc().sql("""
                SELECT l.column_id, l.published_at, a.external_id FROM column_listing l JOIN article a ON a.id = l.article_id
                ORDER BY l.column_id, l.published_at, a.external_id""")
                .query((rs, n) -> "listed " + rs.getLong(1) + " " + rs.getObject(2) + " " + rs.getString(3)).list());
        return rows;
    }

    /** The titles on every page of every column, in page order. */
    private List<List<String>> allColumnPages() {
        List<List<String>> pages = new ArrayList<>();
        for (Column column : content.columns.all()) {
            for (int page = 1; content.listing.page(column.id(), page).isPresent(); page++) {
                pages.add(titles(column.slug(), page));
            }
        }
        return pages;
    }

    private List<String> titles(String slug, int page) {
        return content.listing.page(content.column(slug).id(), page).orElseThrow().items().stream()
                .map(ArticleListItem::title).toList();
    }

    private String body(String externalId) {
        return content.db.jdbc().sql("SELECT b.body_html FROM article_body b JOIN article a ON a.id = b.article_id "
                + "WHERE a.external_id = ?").param(externalId).query(String.class).single();
    }

    private static String line(String id, String column, String title, String publishedAt, String body) {
        String columns = column.startsWith("[") ? column : "\"" + column + "\"";
        return "{\"id\":\"" + id + "\",\"column\":" + columns + ",\"title\":\"" + title + "\",\"body\":\"" + body
                + "\",\"published_at\":\"" + publishedAt + "\",\"source\":\"民政部\",\"tags\":[\"社工站\",\"" + id + "\"]}";
    }

    /** The shared sample then 200 generated articles (tags, kinds, featured items, every column): 500 lines. */
    private static InputStream files() throws IOException {
        return new SequenceInputStream(sample(), new SequenceInputStream(stream("\n"),
                new ClassPathResource("search/corpus-200.jsonl").getInputStream()));
    }

    private static InputStream sample() throws IOException {
        return ArticleImporterTest.sample();
    }

    private static InputStream stream(String text) {
        return ArticleImporterTest.stream(text);
    }
}
