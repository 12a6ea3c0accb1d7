package org.shegong.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestPublishing;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.shegong.digest.newsletter.NewsletterSender;
import org.shegong.digest.newsletter.SubscriptionService;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A site whose public address is another host and port than the one serving it (issue 17): the server listens on a
 * loopback port, readers know it as https://portal.example.org:8443. Every link in feeds, sitemaps, robots.txt,
 * pages, the digest page and the mails carries the public address, never the serving one; X-Forwarded-* headers are
 * ignored (trust-proxy is off), also for the client address that login throttling and the API rate limit count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:other-host;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.site.base-url=https://portal.example.org:8443/", "shegong.digest.enabled=false",
        "shegong.newsletter.send-interval=1h", "shegong.api.requests-per-window=5"})
class OtherHostAndPortTest extends WithMailServer {

    static final String BASE = "https://portal.example.org:8443";
    /** Hosts of namespaces and outside services that documents name on purpose. */
    static final Set<String> OUTSIDE = Set.of("www.sitemaps.org", "www.google.com", "www.w3.org", "beian.miit.gov.cn",
            "beian.mps.gov.cn", "schema.org", "purl.org", "search.yahoo.com");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)]+");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ArticleService articles;
    @Autowired ColumnService columns;
    @Autowired DigestService digests;
    @Autowired SubscriptionService subscriptions;
    @Autowired NewsletterSender newsletter;
    @Autowired JavaMailSender mailSender;
    @Autowired OutboxRelay relay;
    @Autowired JdbcClient jdbc;

    static long recentId;
    static long digestArticleId;
    static long entryId;
    static List<MimeMessage> mails;

    /** A reader whose requests pretend to come through a proxy at another address. */
    private Reader forger() {
        return new Reader(port, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http",
                "X-Forwarded-Port", "80", "X-Forwarded-For", "198.51.100.66");
    }

    @BeforeEach
    void publishAndMailOnce() throws Exception {
        if (recentId != 0) {
            return;
        }
        long news = columns.bySlug("news").orElseThrow().id();
        recentId = articles.save(new ArticleInput("other-host-recent", "最近的社工站新闻", null, "摘要",
                "<p>见 <a href=\"/column/news\">行业动态</a>。</p>", null, null, null, Kind.NEWS, false, List.of(news),
                List.of(), null, Instant.now().minus(2, ChronoUnit.HOURS), ArticleStatus.LIVE)).id();
        // A confirmed subscriber, then a digest published through the workflow and mailed.
        subscriptions.subscribe("reader@example.org", "192.0.2.1");
        String confirm = link(smtp.getReceivedMessages()[0], "/newsletter/confirm/");
        assertThat(subscriptions.confirm(confirm.substring(confirm.lastIndexOf('/') + 1))).isPresent();
        LocalDate from = LocalDate.of(2020, 1, 6);
        DigestWindow week = new DigestWindow(from, from.plusDays(6));
        entryId = articles.save(new ArticleInput("other-host-week", "本周的行业新闻", null, "摘要", "<p>正文</p>", null,
                null, null, Kind.NEWS, false, List.of(news), List.of(), null,
                week.start(ZoneId.of("Asia/Shanghai")).plusSeconds(3600), ArticleStatus.LIVE)).id();
        Digest digest = DigestPublishing.publish(context, digests.generate(week).digest().id());
        digestArticleId = digest.articleId();
        relay.drain();
        assertThat(newsletter.sendPending(mailSender)).isEqualTo(1);
        // An organisation registers through the site (its verification mail).
        HttpResponse<String> registered = forger().post("/org/register", "/org/register", Map.of("name", "某社工服务中心",
                "contactPerson", "李社工", "email", "org@example.org", "phone", "13800138000",
                "password", "pass-word-12345", "website", ""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        mails = List.of(smtp.getReceivedMessages());
        relay.drain();
    }

    @Test
    void feedsSitemapsAndRobotsCarryThePublicAddressNeverTheServingOne() {
        Reader reader = forger();
        for (String path : List.of("/rss.xml", "/atom.xml", "/column/news/rss.xml", "/column/news/atom.xml",
                "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-articles-1.xml", "/sitemap-news.xml", "/robots.txt")) {
            assertOnlyPublicAddress(path, reader.page(path));
        }
        assertThat(reader.page("/rss.xml")).contains("<link>" + BASE + "/article/" + recentId + "</link>");
        assertThat(reader.page("/atom.xml")).contains("href=\"" + BASE + "/article/" + recentId + "\"");
        assertThat(reader.page("/sitemap.xml")).contains("<loc>" + BASE + "/sitemap-articles-1.xml</loc>");
        assertThat(reader.page("/sitemap-articles-1.xml")).contains("<loc>" + BASE + "/article/" + digestArticleId + "</loc>");
        assertThat(reader.page("/sitemap-news.xml")).contains("<loc>" + BASE + "/article/" + recentId + "</loc>");
        assertThat(reader.page("/robots.txt")).contains("Sitemap: " + BASE + "/sitemap.xml");
    }

    @Test
    void pagesAndTheDigestPageLinkCanonicallyToThePublicAddress() {
        Reader reader = forger();
        for (String path : List.of("/", "/column/news", "/article/" + recentId, "/article/" + digestArticleId)) {
            reader.page(path); // a page is kept from its second request
            String page = reader.page(path);
            assertOnlyPublicAddress(path, page);
            assertThat(page).as(path).contains("<link rel=\"canonical\" href=\"" + BASE + (path.equals("/") ? "/" : path) + "\"");
            // Again: this answer comes from the page cache, which must hold the same links.
            assertThat(reader.page(path)).isEqualTo(page);
        }
        assertThat(reader.page("/article/" + digestArticleId)).contains("href=\"/article/" + entryId + "\"");
    }

    @Test
    void theStoredDigestHoldsNoAbsoluteAddress() {
        List<String> stored = new ArrayList<>(jdbc.sql("SELECT body_html FROM article_body WHERE article_id = ?")
                .param(digestArticleId).query(String.class).list());
        stored.addAll(jdbc.sql("SELECT body_html FROM article_revision WHERE article_id = ?").param(digestArticleId)
                .query(String.class).list());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(2).allSatisfy(body -> assertThat(body)
                .contains("href=\"/article/" + entryId + "\"").doesNotContain("http:", "https:", "portal.example.org",
                        "localhost", "127.0.0.1"));
    }

    @Test
    void theNewsletterAndOrganisationMailsCarryThePublicAddress() throws Exception {
        assertThat(mails).hasSize(3);
        for (MimeMessage mail : mails) {
            // What the application wrote: the parts and its own headers (the SMTP hop adds Received and Message-ID).
            String written = decoded(mail) + String.join("\n", headers(mail, "From", "List-Id", "List-Unsubscribe"));
            assertThat(written).as(mail.getSubject()).contains("portal.example.org")
                    .doesNotContain("localhost", "127.0.0.1", ":" + port, "evil.example");
            assertThat(urls(decoded(mail))).as(mail.getSubject()).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith(BASE + "/"));
        }
        assertThat(decoded(mails.get(0))).contains(BASE + "/newsletter/confirm/");
        assertThat(decoded(mails.get(1))).contains(BASE + "/article/" + entryId, BASE + "/newsletter/unsubscribe/");
        assertThat(mails.get(1).getHeader("List-Unsubscribe")[0]).startsWith("<" + BASE + "/newsletter/unsubscribe/");
        assertThat(decoded(mails.get(2))).contains(BASE + "/org/verify/");
    }

    @Test
    void aForgedForwardedForEscapesNeitherLoginThrottlingNorTheApiRateLimit() {
        for (int i = 1; i <= 4; i++) {
            Reader guesser = new Reader(port, "X-Forwarded-For", "198.51.100." + i);
            guesser.post("/admin/login", "/admin/login", Map.of("username", "editor-x", "password", "guess-" + i));
            if (i == 4) {
                assertThat(guesser.page("/admin/login?error=1")).contains("登录尝试过于频繁");
            }
        }
        assertThat(jdbc.sql("SELECT throttle_key FROM login_throttle WHERE username = 'editor-x'").query(String.class)
                .list()).containsExactly("u|127.0.0.1|editor-x");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(new Reader(port, "X-Forwarded-For", "203.0.113." + i).get("/api/v1/columns").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    }

    /** Fails when a document names the serving address, the forged one, or any address but the public one. */
    static void assertOnlyPublicAddress(String path, String body) {
        assertThat(body).as(path).contains(BASE + "/").doesNotContain("localhost", "127.0.0.1", "evil.example");
        for (String url : urls(body)) {
            String host = URI.create(url.replace("&amp;", "&")).getHost();
            if (!OUTSIDE.contains(host)) {
                assertThat(url).as(path).startsWith(BASE + "/");
            }
        }
    }

    static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            urls.add(matcher.group());
        }
        return urls;
    }

    /** A mail's text parts, decoded. */
    static String decoded(MimeMessage mail) throws Exception {
        StringBuilder text = new StringBuilder();
        collect(mail.getContent(), text);
        return text.toString();
    }

    private static void collect(Object content, StringBuilder text) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), text);
            }
        } else if (content instanceof String string) {
            text.append(string).append('\n');
        }
    }

    private static List<String> headers(MimeMessage mail, String... names) throws Exception {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            String[] found = mail.getHeader(name);
            if (found != null) {
                values.addAll(List.of(found));
            }
        }
        return values;
    }

    private static String link(MimeMessage mail, String path) throws Exception {
        Matcher matcher = Pattern.compile(Pattern.quote(BASE) + "(" + Pattern.quote(path) + "[A-Za-z0-9_-]+)")
                .matcher(decoded(mail));
        assertThat(matcher.find()).as("a link to %s in the mail", path).isTrue();
        return matcher.group(1);
    }
}
