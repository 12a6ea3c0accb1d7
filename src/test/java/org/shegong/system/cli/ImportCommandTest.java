package org.shegong.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.ShegongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jar's command-line mode: {@code import FILE} against the configured database, with an exit code. */
class ImportCommandTest {

    @TempDir
    Path dir;

    /** Runs the jar's main path; settings go as command-line arguments, as an operator would pass them. */
    private int run(String... args) {
        String[] withDataDir = java.util.Arrays.copyOf(args, args.length + 1);
        withDataDir[args.length] = "--shegong.data-dir=" + dir.resolve("data");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShegongApplication.class)
                .web(WebApplicationType.NONE).profiles("cli").run(withDataDir)) {
            return SpringApplication.exit(context);
        }
    }

    private long count(String sql) {
        return counts(sql).get(0);
    }

    /** Counts read in one start of the application. */
    private java.util.List<Long> counts(String... sqls) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShegongApplication.class)
                .web(WebApplicationType.NONE)
                .run("--shegong.data-dir=" + dir.resolve("data"), "--shegong.demo-content=false")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            return java.util.Arrays.stream(sqls).map(sql -> jdbc.sql(sql).query(Long.class).single()).toList();
        }
    }

    @Test
    void importsAFileAndExitsZeroThenReimportsWithoutDuplicates() throws Exception {
        Path file = dir.resolve("two.jsonl");
        Files.writeString(file, """
                {"id":"c1","column":"行业动态","title":"第一条","published_at":"2021-08-27T10:00:00+08:00","body":"正文一。"}
                {"id":"c2","column":"政策法规","title":"第二条","published_at":"2021-08-28","body":"正文二。"}
                """, StandardCharsets.UTF_8);
        assertThat(run("import", file.toString())).isZero();
        assertThat(run("import", file.toString())).isZero();
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(2);
    }

    @Test
    void aFileWithBadLinesExitsTwoButKeepsTheGoodOnes() throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, """
                {"id":"g1","column":"行业动态","title":"好的","published_at":"2021-08-27"}
                {"id":"b1","column":"行业动态","published_at":"2021-08-27"}
                """, StandardCharsets.UTF_8);
        assertThat(run("import", file.toString())).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(1);
    }

    @Test
    void theSeedListingFormatImportsIntoTheNamedColumn() throws Exception {
        Path file = dir.resolve("listing.txt");
        Files.copy(Path.of("src/main/resources/demo/seed-hangye.txt"), file);
        assertThat(run("import", file.toString(), "--column=news")).isZero();
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(51);
    }

    @Test
    void theBulkPathImportsReportsBadLinesWithExitCodeTwoAndReimportsWithoutDuplicates() throws Exception {
        Path file = dir.resolve("bulk.jsonl");
        Files.writeString(file, """
                {"id":"k1","column":"行业动态","title":"第一条","published_at":"2021-08-27T10:00:00+08:00","body":"正文一。"}
                {"id":"k2","column":"政策法规","published_at":"2021-08-28"}
                {"id":"k3","column":"政策法规","title":"第三条","published_at":"2021-08-28","body":"正文三。"}
                """, StandardCharsets.UTF_8);
        assertThat(run("import", "--bulk", file.toString())).isEqualTo(2);
        assertThat(run("import", file.toString(), "--bulk")).isEqualTo(2);
        assertThat(counts("SELECT COUNT(*) FROM article", "SELECT COUNT(*) FROM column_listing",
                "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'articles.bulk_imported'",
                "SELECT COUNT(*) FROM outbox_event WHERE event_type LIKE 'article.%'")).containsExactly(2L, 2L, 2L, 0L);
    }

    @Test
    void theBulkPathTakesJsonLinesOnly() throws Exception {
        Path file = dir.resolve("listing.txt");
        Files.copy(Path.of("src/main/resources/demo/seed-hangye.txt"), file);
        assertThat(run("import", file.toString(), "--column=news", "--bulk")).isEqualTo(64);
    }

    @Test
    void aWordPressExportImportsWithItsUploadsAndReimportsWithoutDuplicatesAndOtherXmlExits65() throws Exception {
        Path export = Path.of("src/test/resources/wxr/shegong-wp.xml");
        String uploads = "--uploads=src/test/resources/wxr/uploads";
        assertThat(run("import", export.toString(), uploads, "--column=news")).isZero();
        assertThat(run("import", export.toString(), uploads, "--column=news")).isZero();
        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<html><body>不是导出文件</body></html>");
        assertThat(run("import", other.toString())).isEqualTo(65);
        assertThat(run("import", export.toString(), "--column=没有这个栏目")).isEqualTo(64);
        assertThat(counts("SELECT COUNT(*) FROM article", "SELECT COUNT(*) FROM article WHERE status = 'DRAFT'",
                "SELECT COUNT(*) FROM media_file")).containsExactly(9L, 3L, 2L);
    }

    @Test
    void aMissingFileOrArgumentIsAUsageError() {
        assertThat(run("import", dir.resolve("nope.jsonl").toString())).isEqualTo(66);
        assertThat(run("import")).isEqualTo(64);
        assertThat(run()).isEqualTo(64);
    }
}
