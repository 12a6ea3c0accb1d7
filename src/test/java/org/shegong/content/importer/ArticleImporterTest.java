package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ContentFixture;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.core.io.ClassPathResource;

/** Both import formats end to end on every database: the seed page, the sample file, bad lines, re-imports. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ArticleImporterTest {

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    ArticleImporter importer;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        importer = new ArticleImporter(content.service, new ImportItemMapper(content.columns),
                content.db.transactions(), content.clock);
    }

    @Test
    void everySeedTitleIsPresentExactlyOnceEvenWhenImportedTwice() throws IOException {
        List<String> titles = seedTitles();
        assertThat(titles).hasSize(50).contains("一图读懂|社会组织信用信息管理问答", "社会工作一周动态 (8.23-8.29)");

        ImportReport first = importSeed();
        assertThat(first.created()).isEqualTo(51);
        assertThat(first.failed()).isZero();
        ImportReport second = importSeed();
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(51);

        List<String> stored = content.db.jdbc().sql("SELECT title FROM article").query(String.class).list();
        assertThat(stored).hasSize(51);
        for (String title : titles) {
            assertThat(Collections.frequency(stored, title)).as(title).isEqualTo(1);
        }
        assertThat(stored).contains("辽宁省2025年度社会工作人才交流示范系列活动先后在大连、沈阳、锦州和阜新四个城市启动");
    }

    @Test
    void seedKeepsThePageOrderNewestFirstAndFeaturesTheLeadParagraph() throws IOException {
        importSeed();
        List<String> listed = content.listing.page(content.column("news").id(), 1).orElseThrow().items().stream()
                .map(ArticleListItem::title).toList();
        assertThat(listed.subList(0, 3)).containsExactly("2023年 沈阳浑南区实现社会工作师占比达70%",
                "海南省首批66个乡镇(街道)社工站已全部运营", "黑龙江省牡丹江市首个社工站正式运营");
        assertThat(seedTitles().subList(0, 20)).containsExactlyElementsOf(listed);

        ArticleListItem featured = content.listings.featured(content.column("news").id(), 1).get(0);
        assertThat(featured.title()).isEqualTo("辽宁省2025年度社会工作人才交流示范系列活动先后在大连、沈阳、锦州和阜新四个城市启动");
        assertThat(featured.listSummary()).startsWith("3月17日至21日,辽宁省2025年度").endsWith("广大...");
    }

    @Test
    void seedItemsWithoutASummaryOfTheirOwnRepeatTheTitleAndTheDigestIsAlsoInItsColumn() throws IOException {
        importSeed();
        String summary = content.db.jdbc().sql("SELECT list_summary FROM article WHERE title = ?")
                .param("一图读懂|社会组织信用信息管理问答").query(String.class).single();
        assertThat(summary).isEqualTo("一图读懂|社会组织信用信息管理问答");
        assertThat(content.listing.latest(content.column("weekly").id(), 5)).extracting(ArticleListItem::title)
                .containsExactly("社会工作一周动态 (8.23-8.29)");
        String kind = content.db.jdbc().sql("SELECT kind FROM article WHERE title LIKE ?")
                .param("辽宁省2021年度第二次高级社会工作师评审结果的公示").query(String.class).single();
        assertThat(kind).isEqualTo("NOTICE");
    }

    @Test
    void theSampleFileImportsAsItIsAndReimportsWithoutDuplicates() throws IOException {
        ImportReport first = importer.importJsonLines(sample(), lines -> { });
        assertThat(first.failed()).as(first.problems().toString()).isZero();
        assertThat(first.created()).isEqualTo(300);
        ImportReport second = importer.importJsonLines(sample(), lines -> { });
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(300);
        assertThat(content.articles.count()).isEqualTo(300);
        String region = content.db.jdbc().sql("SELECT region FROM article WHERE external_id = '1'")
                .query(String.class).single();
        assertThat(region).isEqualTo("江苏");
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndReasonWhileGoodLinesAreImported() throws IOException {
        String file = String.join("\n",
                line("1", "行业动态", "好的第一条", "2021-08-27T10:00:00+08:00"),
                "{not json",
                "{\"id\":\"3\",\"column\":\"行业动态\",\"published_at\":\"2021-08-27\"}",
                line("4", "不存在的栏目", "栏目不对", "2021-08-27T10:00:00+08:00"),
                line("5", "政策法规", "日期不对", "27/08/2021"),
                line("6", "政策法规", "标".repeat(301), "2021-08-27"),
                "",
                "[1,2]",
                line("9", "policy", "好的第二条 (栏目用 slug)", "2021-08-27 09:30"),
                "{\"id\":\"10\",\"column\":\"news\",\"title\":\"类型不对\",\"published_at\":\"2021-08-27\",\"kind\":\"poem\"}");
        ImportReport report = importer.importJsonLines(stream(file), lines -> { });

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(7);
        assertThat(report.problems()).extracting(ImportProblem::line).containsExactly(2, 3, 4, 5, 6, 8, 10);
        assertThat(report.problems().get(0).reason()).contains("JSON");
        assertThat(report.problems().get(1).reason()).contains("标题");
        assertThat(report.problems().get(2).reason()).contains("栏目").contains("不存在的栏目");
        assertThat(report.problems().get(3).reason()).contains("发布时间");
        assertThat(report.problems().get(4).reason()).contains("300");
        assertThat(report.problems().get(6).reason()).contains("kind");
        assertThat(report.problems().get(0).toString()).startsWith("第 2 行: ");
    }

    @Test
    void plainTextBodyLinesBecomeParagraphsAndHtmlBodiesAreSanitised() throws IOException {
        String file = String.join("\n",
                "{\"id\":\"p\",\"column\":\"news\",\"title\":\"纯文本\",\"published_at\":\"2021-08-27\","
                        + "\"body\":\"第一段。\\n\\n第二段 <b>不是标签</b>。\"}",
                "{\"id\":\"h\",\"column\":\"news\",\"title\":\"HTML\",\"published_at\":\"2021-08-27\","
                        + "\"body\":\"<p onclick=\\\"x()\\\">正文<script>alert(1)</script></p>\"}");
        importer.importJsonLines(stream(file), lines -> { });
        assertThat(body("p")).isEqualTo("<p>第一段。</p>\n<p>第二段 &lt;b&gt;不是标签&lt;/b&gt;。</p>");
        assertThat(body("h")).isEqualTo("<p>正文</p>");
    }

    @Test
    void aLongFileIsStreamedInBatches() throws IOException {
        int lines = 3 * ArticleImporter.BATCH + 7;
        Iterator<InputStream> generated = IntStream.rangeClosed(1, lines)
                .mapToObj(i -> stream(line("g" + i, "行业动态", "生成的第" + i + "条", "2021-08-27T10:00:00+08:00") + "\n"))
                .iterator();
        List<Long> progress = new ArrayList<>();
        java.util.Enumeration<InputStream> lazily = new java.util.Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return generated.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return generated.next();
            }
        };
        ImportReport report = importer.importJsonLines(new SequenceInputStream(lazily), progress::add);
        assertThat(report.created()).isEqualTo(lines);
        assertThat(progress).containsExactly(500L, 1000L, 1500L, (long) lines);
    }

    private String body(String externalId) {
        return content.db.jdbc().sql("SELECT b.body_html FROM article_body b JOIN article a ON a.id = b.article_id "
                + "WHERE a.external_id = ?").param(externalId).query(String.class).single();
    }

    private static String line(String id, String column, String title, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"column\":\"" + column + "\",\"title\":\"" + title + "\",\"summary\":\"\","
                + "\"body\":\"正文。\",\"published_at\":\"" + publishedAt + "\",\"source\":\"民政部\"}";
    }

    private ImportReport importSeed() throws IOException {
        try (InputStream in = new ClassPathResource("demo/seed-hangye.txt").getInputStream()) {
            return importer.importListing(in, "news");
        }
    }

    /** The seed's titles read independently of the parser: every other line after the header and the lead. */
    static List<String> seedTitles() throws IOException {
        List<String> lines;
        try (InputStream in = new ClassPathResource("demo/seed-hangye.txt").getInputStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        }
        List<String> titles = new ArrayList<>();
        for (int i = 2; i < lines.size(); i += 2) {
            titles.add(lines.get(i));
        }
        return titles;
    }

    /** The shared sample as it is when the checkout has ../shared beside it (as CI does), else its copy. */
    static InputStream sample() throws IOException {
        java.nio.file.Path shared = java.nio.file.Path.of("..", "shared", "samples", "articles.jsonl");
        return java.nio.file.Files.isRegularFile(shared) ? java.nio.file.Files.newInputStream(shared)
                : new ClassPathResource("samples/articles.jsonl").getInputStream();
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
