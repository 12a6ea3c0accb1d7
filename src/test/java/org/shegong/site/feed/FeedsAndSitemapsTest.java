package org.shegong.site.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds parsed by Rome, sitemaps validated against the sitemaps.org schemas, 304s, JSON-LD and links. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:feeds;DB_CLOSE_DELAY=-1",
        "shegong.site.base-url=https://www.example.org.cn", "shegong.sitemap.page-size=4",
        "shegong.demo-content=false"})
@AutoConfigureMockMvc
class FeedsAndSitemapsTest {

    static final String BASE = "https://www.example.org.cn";
    static final String TRICKY = "“三社联动” <b>加粗</b> & 社工站 😀 </script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ColumnService columns;

    @Autowired
    OutboxRelay relay;

    static long trickyId;
    static long recentId;
    static Instant oldestAt;

    @BeforeEach
    void createArticlesOnce() {
        if (trickyId != 0) {
            return;
        }
        Instant recent = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        oldestAt = recent.minus(3, ChronoUnit.DAYS);
        for (int i = 0; i < 55; i++) {
            save("old-" + i, "较早的新闻 " + i, null, recent.minus(3 + i, ChronoUnit.DAYS), ArticleStatus.LIVE, "news");
        }
        trickyId = save("feed-1", TRICKY, "摘要里有 <i>尖括号</i> & 和号", recent.minusSeconds(60), ArticleStatus.LIVE,
                "news", "policy");
        recentId = save("feed-2", "近两天的新闻", null, recent, ArticleStatus.LIVE, "news");
        save("feed-3", "草稿不公开", null, recent.plusSeconds(60), ArticleStatus.DRAFT, "news");
        relay.drain();
    }

    private long save(String externalId, String title, String summary, Instant at, ArticleStatus status,
                      String... slugs) {
        List<Long> ids = java.util.Arrays.stream(slugs).map(s -> columns.bySlug(s).orElseThrow().id()).toList();
        return articles.save(new ArticleInput(externalId, title, null, summary, "<p>正文</p>", "民政部", "张三", null,
                Kind.NEWS, false, ids, List.of("社工站"), null, at, status)).id();
    }

    private MvcResult fetch(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
    }

    private String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    @Test
    void siteRssIsValidRss2WithAbsoluteLinksPermalinkGuidsAndRfc822Dates() throws Exception {
        MvcResult result = fetch("/rss.xml");
        assertThat(result.getResponse().getContentType()).startsWith("application/rss+xml");
        String xml = body(result);
        SyndFeed feed = parse(xml);
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLink()).isEqualTo(BASE + "/");
        assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(50).isNotEmpty();
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("近两天的新闻");
        assertThat(first.getLink()).isEqualTo(BASE + "/article/" + recentId);
        assertThat(first.getUri()).isEqualTo(BASE + "/article/" + recentId);
        SyndEntry tricky = feed.getEntries().get(1);
        assertThat(tricky.getTitle()).isEqualTo(TRICKY);
        // The description is HTML: the summary's markup-like text arrives escaped, as text, not as tags.
        assertThat(tricky.getDescription().getValue()).isEqualTo("摘要里有 &lt;i&gt;尖括号&lt;/i&gt; &amp; 和号");
        assertThat(xml).containsPattern("<pubDate>[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT</pubDate>");
        assertThat(feed.getEntries()).allSatisfy(e -> {
            assertThat(e.getLink()).startsWith(BASE + "/article/");
            assertThat(e.getPublishedDate()).isNotNull();
        });
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).doesNotContain("草稿不公开");
        assertThat(feed.getEntries().get(0).getPublishedDate().toInstant())
                .isAfter(feed.getEntries().get(1).getPublishedDate().toInstant());
    }

    @Test
    void siteAtomIsValidAtomWithStableIdsAndRfc3339Dates() throws Exception {
        MvcResult result = fetch("/atom.xml");
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        String xml = body(result);
        SyndFeed feed = parse(xml);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(BASE + "/atom.xml");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getUri()).isEqualTo(BASE + "/article/" + recentId);
        assertThat(first.getUpdatedDate()).isNotNull();
        assertThat(feed.getEntries().get(1).getTitle()).isEqualTo(TRICKY);
        assertThat(xml).containsPattern("<published>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00</published>");
        // The same item keeps its id between fetches.
        assertThat(parse(body(fetch("/atom.xml"))).getEntries().get(0).getUri()).isEqualTo(first.getUri());
    }

    @Test
    void columnFeedsHoldOnlyThatColumnsItems() throws Exception {
        SyndFeed policy = parse(body(fetch("/column/policy/rss.xml")));
        assertThat(policy.getTitle()).isEqualTo("社工中国网 - 政策法规");
        assertThat(policy.getEntries()).extracting(SyndEntry::getTitle).containsExactly(TRICKY);
        SyndFeed news = parse(body(fetch("/column/news/atom.xml")));
        assertThat(news.getEntries()).hasSize(50);
        assertThat(news.getEntries().get(0).getTitle()).isEqualTo("近两天的新闻");
        mvc.perform(get("/column/nope/rss.xml")).andExpect(status().isNotFound());
    }

    @Test
    void conditionalGetAnswers304ForTheSameETagOrAnUnchangedDate() throws Exception {
        for (String url : List.of("/rss.xml", "/atom.xml", "/column/news/rss.xml", "/sitemap.xml",
                "/sitemap-articles-1.xml", "/robots.txt")) {
            MvcResult first = fetch(url);
            String etag = first.getResponse().getHeader("ETag");
            assertThat(etag).as(url).isNotBlank();
            mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEmpty());
            mvc.perform(get(url).header("If-None-Match", "\"other\"")).andExpect(status().isOk());
        }
        String lastModified = fetch("/rss.xml").getResponse().getHeader("Last-Modified");
        assertThat(lastModified).isNotBlank();
        mvc.perform(get("/rss.xml").header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());
        mvc.perform(get("/rss.xml").header("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT"))
                .andExpect(status().isOk());
    }

    @Test
    void sitemapIndexAndEverySitemapAreValidAndListEachLiveArticleOnce() throws Exception {
        String index = body(fetch("/sitemap.xml"));
        validate(index, "xsd/siteindex.xsd");
        List<String> sitemaps = locs(index);
        assertThat(sitemaps).contains(BASE + "/sitemap-pages.xml", BASE + "/sitemap-news.xml");
        Set<String> articleUrls = new HashSet<>();
        int articleSitemaps = 0;
        for (String sitemap : sitemaps) {
            String xml = body(fetch(sitemap.substring(BASE.length())));
            if (sitemap.contains("-news")) {
                validate(xml, "xsd/sitemap.xsd", "xsd/sitemap-news.xsd");
                continue;
            }
            validate(xml, "xsd/sitemap.xsd");
            if (sitemap.contains("-articles-")) {
                articleSitemaps++;
                List<String> urls = locs(xml);
                assertThat(urls).hasSizeBetween(1, 4);
                assertThat(xml).contains("<lastmod>");
                for (String url : urls) {
                    assertThat(articleUrls.add(url)).as("listed once: " + url).isTrue();
                }
            }
        }
        assertThat(articleSitemaps).isGreaterThan(1);
        assertThat(articleUrls).contains(BASE + "/article/" + trickyId, BASE + "/article/" + recentId);
        assertThat(articleUrls).hasSize(liveCount());
        mvc.perform(get("/sitemap-articles-999.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/sitemap-articles-x.xml")).andExpect(status().isNotFound());
    }

    @Test
    void anArticleSitemapsValidatorChangesWhenAnArticleIsPublishedOrWithdrawn() throws Exception {
        // old-0 has the lowest id of the live articles: it is on the first article sitemap.
        String before = fetch("/sitemap-articles-1.xml").getResponse().getHeader("ETag");
        save("old-0", "较早的新闻 0（更正）", null, oldestAt, ArticleStatus.LIVE, "news");
        relay.drain();
        MvcResult edited = fetch("/sitemap-articles-1.xml");
        String afterEdit = edited.getResponse().getHeader("ETag");
        assertThat(afterEdit).isNotEqualTo(before);
        String oldestUrl = locs(body(edited)).get(0);
        save("old-0", "较早的新闻 0（更正）", null, oldestAt, ArticleStatus.WITHDRAWN, "news");
        relay.drain();
        MvcResult withdrawn = fetch("/sitemap-articles-1.xml");
        assertThat(withdrawn.getResponse().getHeader("ETag")).isNotEqualTo(afterEdit);
        assertThat(locs(body(withdrawn))).doesNotContain(oldestUrl).hasSize(4);
        mvc.perform(get("/sitemap-articles-1.xml").header("If-None-Match", afterEdit)).andExpect(status().isOk());
        validate(body(withdrawn), "xsd/sitemap.xsd");
    }

    @Test
    void newsSitemapHasOnlyTheLastTwoDays() throws Exception {
        String xml = body(fetch("/sitemap-news.xml"));
        validate(xml, "xsd/sitemap.xsd", "xsd/sitemap-news.xsd");
        assertThat(locs(xml)).containsExactly(BASE + "/article/" + recentId, BASE + "/article/" + trickyId);
        assertThat(xml).contains("<news:name>社工中国网</news:name>", "<news:language>zh-cn</news:language>");
    }

    @Test
    void robotsPointsAtTheSitemapIndex() throws Exception {
        MvcResult result = fetch("/robots.txt");
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(body(result)).contains("User-agent: *", "Sitemap: " + BASE + "/sitemap.xml", "Disallow: /admin/");
    }

    @Test
    void pagesLinkTheirFeedsAndArticlesCarryNewsArticleJsonLd() throws Exception {
        String home = body(fetch("/"));
        assertThat(home).contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"社工中国网 RSS\" href=\"/rss.xml\">",
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"社工中国网 Atom\" href=\"/atom.xml\">");
        String column = body(fetch("/column/policy"));
        assertThat(column).contains("href=\"/column/policy/rss.xml\"", "href=\"/column/policy/atom.xml\"");

        String article = body(fetch("/article/" + trickyId));
        assertThat(article).contains("<link rel=\"canonical\" href=\"" + BASE + "/article/" + trickyId + "\">")
                .contains("<meta name=\"description\" content=\"摘要里有 &lt;i>尖括号&lt;/i> &amp; 和号\">");
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(article);
        assertThat(script.find()).isTrue();
        String json = script.group(1);
        assertThat(json).doesNotContain("</");
        JsonNode node = JsonMapper.builder().build().readTree(json);
        assertThat(node.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(node.get("headline").asString()).isEqualTo(TRICKY);
        assertThat(node.get("mainEntityOfPage").get("@id").asString()).isEqualTo(BASE + "/article/" + trickyId);
        assertThat(node.get("datePublished").asString()).endsWith("+08:00");
        assertThat(node.get("publisher").get("name").asString()).isEqualTo("社工中国网");
        assertThat(node.get("author").get(0).get("name").asString()).isEqualTo("张三");
    }

    private int liveCount() throws Exception {
        return (int) (long) org.springframework.jdbc.core.simple.JdbcClient.create(
                        mvc.getDispatcherServlet().getWebApplicationContext().getBean(javax.sql.DataSource.class))
                .sql("SELECT COUNT(*) FROM article WHERE status = 'LIVE'").query(Long.class).single();
    }

    private static List<String> locs(String xml) {
        List<String> locs = new ArrayList<>();
        Matcher m = Pattern.compile("<loc>(.*?)</loc>").matcher(xml);
        while (m.find()) {
            locs.add(m.group(1));
        }
        return locs;
    }

    static void validate(String xml, String... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            sources[i] = new StreamSource(new ClassPathResource(schemas[i]).getInputStream());
        }
        Schema schema = factory.newSchema(sources);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
