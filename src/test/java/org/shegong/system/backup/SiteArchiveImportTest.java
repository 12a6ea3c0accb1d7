package org.shegong.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.shegong.ShegongApplication;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive of the demo site into empty H2, PostgreSQL and MariaDB databases (same rows, same ids, identity
 * counters past them), and every way an archive or a target is refused without a row written.
 */
class SiteArchiveImportTest {

    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext source;
    private static JdbcClient sourceJdbc;
    private static SiteParts parts;
    private static Path archive;
    private static ArchiveManifest manifest;

    @BeforeAll
    static void exportTheDemoSite() throws Exception {
        source = new SpringApplicationBuilder(ShegongApplication.class).web(WebApplicationType.NONE).run(
                "--shegong.data-dir=" + dir.resolve("source"), "--shegong.demo-content=true",
                "--spring.datasource.url=jdbc:h2:mem:archive-source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        sourceJdbc = source.getBean(JdbcClient.class);
        RunningSite.awaitOutboxFollowed(sourceJdbc);
        parts = source.getBean(SiteParts.class);
        archive = dir.resolve("site.zip");
        manifest = source.getBean(SiteExporter.class).export(archive);
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    /** A private, migrated, empty database on the target; dropped with the JVM like TestDatabase's. */
    private static TestDatabase emptyDatabase(DatabaseTarget target) {
        String name = "sg_archive_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return switch (target) {
            case H2 -> TestDatabase.open(target, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRES -> {
                admin(target, "CREATE SCHEMA " + name);
                TestDatabase.dropOnExit(target, "DROP SCHEMA " + name + " CASCADE");
                yield TestDatabase.open(target, target.adminUrl() + "?currentSchema=" + name, target.user(),
                        target.password());
            }
            case MARIADB -> {
                admin(target, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                TestDatabase.dropOnExit(target, "DROP DATABASE " + name);
                yield TestDatabase.open(target, target.adminUrl().replaceFirst("/[^/]*$", "/" + name),
                        target.user(), target.password());
            }
        };
    }

    private static void admin(DatabaseTarget target, String sql) {
        try (Connection connection = DriverManager.getConnection(target.adminUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            Assumptions.assumeFalse(!"true".equalsIgnoreCase(System.getenv("CI")), target + " unreachable: " + e);
            throw new IllegalStateException(e);
        }
    }

    private static SiteImporter importerInto(TestDatabase target) {
        return new SiteImporter(target.dataSource(), parts);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(DatabaseTarget.class)
    void theSameRowsWithTheSameIdsAndCountersPastThem(DatabaseTarget target) throws Exception {
        TestDatabase db = emptyDatabase(target);
        importerInto(db).importArchive(archive);
        JdbcClient jdbc = db.jdbc();
        assertThat(manifest.rows()).as("the demo site with its revisions, regions and files").isGreaterThan(10_000);
        for (ArchiveManifest.TableEntry table : manifest.tables()) {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM " + table.table())).as(table.table())
                    .isEqualTo(table.rows());
        }
        ArchiveManifest again = new SiteExporter(db.dataSource(), parts, java.time.Clock.systemUTC())
                .export(dir.resolve("again-" + target + ".zip"));
        assertThat(again.entries()).as("exported again from " + target + ": the same bytes, entry by entry")
                .containsExactlyElementsOf(manifest.entries());
        String bodies = "SELECT a.id, a.title, b.body_html FROM article a LEFT JOIN article_body b ON b.article_id = a.id"
                + " ORDER BY a.id";
        assertThat(jdbc.sql(bodies).query().listOfRows()).isEqualTo(sourceJdbc.sql(bodies).query().listOfRows());
        assertThat(jdbc.sql("SELECT username, password_hash FROM app_user").query().listOfRows())
                .allSatisfy(row -> assertThat(row.values()).contains("{reset-required}"));
        long maxArticle = count(jdbc, "SELECT MAX(id) FROM article");
        jdbc.sql("INSERT INTO sensitive_word (word, created_at) VALUES ('导入后新增', ?)")
                .param(Times.toDb(java.time.Instant.now())).update();
        long maxWord = count(sourceJdbc, "SELECT COALESCE(MAX(id), 0) FROM sensitive_word");
        assertThat(count(jdbc, "SELECT id FROM sensitive_word WHERE word = '导入后新增'")).isGreaterThan(maxWord);
        jdbc.sql("INSERT INTO tag (name) VALUES ('导入后标签')").update();
        assertThat(count(jdbc, "SELECT id FROM tag WHERE name = '导入后标签'"))
                .isGreaterThan(count(sourceJdbc, "SELECT COALESCE(MAX(id), 0) FROM tag"));
        assertThat(maxArticle).isEqualTo(count(sourceJdbc, "SELECT MAX(id) FROM article"));
    }

    @Test
    void aDatabaseWithContentIsRefused() throws Exception {
        TestDatabase db = emptyDatabase(DatabaseTarget.H2);
        db.jdbc().sql("INSERT INTO sensitive_word (word, created_at) VALUES ('已有', ?)")
                .param(Times.toDb(java.time.Instant.now())).update();
        assertThatThrownBy(() -> importerInto(db).importArchive(archive)).isInstanceOf(ArchiveRejected.class)
                .hasMessageContaining("目标数据库不是空的").hasMessageContaining("sensitive_word");
        assertThat(count(db.jdbc(), "SELECT COUNT(*) FROM article")).isZero();
    }

    @Test
    void aChangedByteIsRefusedWithoutWritingAnything() throws Exception {
        Path changed = rewritten("changed.zip", "tables/article_body.jsonl",
                text -> text.replaceFirst("社会工作", "社会公作"));
        assertRefusedAndEmpty(changed, "校验失败");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        Path truncated = dir.resolve("truncated.zip");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertRefusedAndEmpty(truncated, "不完整");
    }

    @Test
    void anArchiveOfAnotherSchemaVersionIsRefused() throws Exception {
        Path other = rewritten("other-version.zip", ArchiveManifest.ENTRY,
                text -> text.replaceFirst("\"schemaVersion\" : \"[0-9.]+\"", "\"schemaVersion\" : \"1\""));
        assertRefusedAndEmpty(other, "结构版本 V1");
    }

    private static void assertRefusedAndEmpty(Path file, String reason) {
        TestDatabase db = emptyDatabase(DatabaseTarget.H2);
        assertThatThrownBy(() -> importerInto(db).importArchive(file)).isInstanceOf(ArchiveRejected.class)
                .hasMessageContaining(reason);
        for (String table : new String[] {"article", "app_user", "media_file", "article_revision"}) {
            assertThat(count(db.jdbc(), "SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
    }

    /** A copy of the archive with one entry's text changed and everything else as it was. */
    private static Path rewritten(String name, String entryName, UnaryOperator<String> change) throws Exception {
        Path copy = dir.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(entryName)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        String changed = change.apply(text);
                        assertThat(changed).as("the change applies").isNotEqualTo(text);
                        out.write(changed.getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return copy;
    }
}
