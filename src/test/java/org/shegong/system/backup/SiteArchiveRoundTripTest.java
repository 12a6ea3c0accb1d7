package org.shegong.system.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.system.db.DatabaseTarget;

/**
 * Issue 16 item 5, "done when": the demo site (seed page, samples, one item of each type with its files) →
 * {@code export} → {@code import} into an empty H2 database and into an empty PostgreSQL schema → the application
 * started on each serves every public page byte for byte as the original does, and every file with the same
 * SHA-256. Pages are found by following links from the home page and the sitemaps. Only CSRF tokens are masked
 * (each session has its own).
 */
class SiteArchiveRoundTripTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src|poster)=\"(/[^\"#]*)|<loc>"
            + Pattern.quote(RunningSite.BASE_URL) + "(/[^<]*)</loc>");
    private static final Pattern CSRF = Pattern.compile("(_csrf\"[^>]*?(?:value|content)=\")[^\"]+");
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(admin|api|login|logout|search|newsletter|display|swagger|v3|css|js|img|fonts|favicon|webjars|interact/ask).*"
            // Listing pages past the second and region feeds repeat what the pages before them show.
            + "|.*/page/([3-9]|\\d\\d+)$|^/region/.+/rss\\.xml$");
    private static final int MAX_PAGES = 2000;

    @TempDir
    static Path dir;
    private static RunningSite source;
    private static Path archive;
    private static Map<String, byte[]> pages;
    private static Set<String> mediaPaths;

    @BeforeAll
    static void exportTheDemoSite() throws Exception {
        source = RunningSite.start(dir.resolve("source"),
                "jdbc:h2:mem:roundtrip-source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        archive = dir.resolve("site.zip");
        ArchiveManifest manifest = source.context.getBean(SiteExporter.class).export(archive);
        assertThat(manifest.mediaFiles()).as("the demo's files and their smaller copies").isGreaterThanOrEqualTo(5);
        crawlSource();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void intoAnEmptyH2DatabaseEveryPageAndFileIsTheSame() throws Exception {
        Path data = dir.resolve("h2");
        String url = "jdbc:h2:file:" + data.resolve("shegong").toAbsolutePath();
        assertThat(RunningSite.command(data, url, "sa", "", "import", archive.toString())).isZero();
        try (RunningSite copy = RunningSite.start(data, url, "sa", "")) {
            assertSameSite(copy);
        }
    }

    @Test
    void intoAnEmptyPostgresSchemaEveryPageAndFileIsTheSame() throws Exception {
        DatabaseTarget pg = DatabaseTarget.POSTGRES;
        String schema = "sg_roundtrip_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(pg.adminUrl(), pg.user(), pg.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            Assumptions.assumeFalse(!"true".equalsIgnoreCase(System.getenv("CI")), "PostgreSQL unreachable: " + e);
            throw e;
        }
        try {
            Path data = dir.resolve("pg");
            String url = pg.adminUrl() + "?currentSchema=" + schema;
            assertThat(RunningSite.command(data, url, pg.user(), pg.password(), "import", archive.toString())).isZero();
            try (RunningSite copy = RunningSite.start(data, url, pg.user(), pg.password())) {
                assertSameSite(copy);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(pg.adminUrl(), pg.user(), pg.password());
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Follows links from the home page and the sitemaps, keeping each page's bytes and every file's address. */
    private static void crawlSource() throws Exception {
        pages = new TreeMap<>();
        mediaPaths = new LinkedHashSet<>();
        // /region links every division of the country; those with no article show the same empty page.
        Set<String> regionsWithArticles = new java.util.HashSet<>(source.jdbc
                .sql("SELECT DISTINCT region_code FROM region_listing").query(String.class).list());
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/sitemap.xml", "/rss.xml", "/atom.xml", "/robots.txt"));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
            String path = queue.poll();
            HttpResponse<byte[]> response = source.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            pages.put(path, response.body());
            Matcher links = LINK.matcher(new String(response.body(), StandardCharsets.UTF_8));
            while (links.find()) {
                String link = (links.group(1) != null ? links.group(1) : links.group(2)).replace("&amp;", "&");
                if (link.startsWith("/media/")) {
                    mediaPaths.add(link);
                } else if (!link.startsWith("//") && !link.contains("?") && !NOT_A_PAGE.matcher(link).matches()
                        && (!link.startsWith("/region/") || regionsWithArticles.contains(link.split("/")[2]))
                        && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        System.out.println("Round trip compares " + pages.size() + " pages: " + pages.keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(p -> p.replaceFirst("^(/[^/]*).*", "$1"),
                        TreeMap::new, java.util.stream.Collectors.counting())) + ", " + mediaPaths.size() + " files");
        assertThat(pages.size()).as("the crawl ended before its cap").isLessThan(MAX_PAGES);
        assertThat(pages.keySet().stream().filter(p -> p.startsWith("/article/")).count())
                .as("every demo article").isGreaterThan(300);
        assertThat(pages.keySet()).contains("/region", "/policies").anyMatch(p -> p.startsWith("/column/"))
                .anyMatch(p -> p.startsWith("/sitemap-articles-"));
        assertThat(mediaPaths).isNotEmpty();
    }

    private static void assertSameSite(RunningSite copy) throws Exception {
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
            HttpResponse<byte[]> response = copy.get(page.getKey());
            if (response.statusCode() != 200 || !masked(response.body()).equals(masked(page.getValue()))) {
                different.add(page.getKey() + " (" + response.statusCode() + ")");
            }
        }
        assertThat(different).as("pages that differ, of " + pages.size()).isEmpty();
        for (String media : mediaPaths) {
            HttpResponse<byte[]> original = source.get(media);
            HttpResponse<byte[]> copied = copy.get(media);
            assertThat(original.statusCode()).as(media).isEqualTo(200);
            assertThat(copied.statusCode()).as(media).isEqualTo(200);
            assertThat(sha256(copied.body())).as(media).isEqualTo(sha256(original.body()));
        }
        assertThat(copy.jdbc.sql("SELECT COUNT(*) FROM app_user WHERE password_hash <> '{reset-required}'")
                .query(Long.class).single()).as("no password hash travelled").isZero();
    }

    private static String masked(byte[] body) {
        return CSRF.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll("$1…");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
