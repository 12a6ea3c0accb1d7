package org.shegong.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.column.ReviewLevels;
import org.shegong.content.ArticleService;
import org.shegong.content.Kind;
import org.shegong.content.KindFields;
import org.shegong.editorial.workflow.ApproveAction;
import org.shegong.editorial.workflow.PublishAction;
import org.shegong.editorial.workflow.SubmitAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Item types end to end without a browser (ADR 0043): an editor fills a kind's fields in the editor form, the
 * article passes review by someone else and goes live, and readers see the fields on the article page, in the
 * column listing (thumbnail, 公示 badge), the policy list, the feeds and the JSON-LD.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:item-types;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false"})
@AutoConfigureMockMvc
class ItemTypePagesTest {

    static final String PASSWORD = "pass-word-12345";
    static final Pattern LOCATION = Pattern.compile("\"location\":\"(/media/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Actors actors;
    @Autowired ColumnService columns;
    @Autowired ReviewLevels levels;
    @Autowired SubmitAction submit;
    @Autowired ApproveAction approve;
    @Autowired PublishAction publish;
    @Autowired ArticleService articles;

    MockHttpSession editor;
    Actor author;
    Actor reviewer;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("shegong-item-types");
        registry.add("shegong.media.directory", dir::toString);
    }

    @BeforeEach
    void people() throws Exception {
        if (accounts.findByUsername("types-editor").isEmpty()) {
            List<ColumnGrant> grants = columns.all().stream().map(c -> new ColumnGrant(c.id(), Role.CHIEF_EDITOR))
                    .toList();
            columns.all().forEach(c -> levels.set(c.id(), 1));
            accounts.create("types-editor", "编辑甲", PASSWORD, false, grants);
            accounts.create("types-reviewer", "审核乙", PASSWORD, false, grants);
        }
        author = actors.of(accounts.findByUsername("types-editor").orElseThrow().id(), "127.0.0.1");
        reviewer = actors.of(accounts.findByUsername("types-reviewer").orElseThrow().id(), "127.0.0.1");
        editor = (MockHttpSession) mvc.perform(post("/admin/login").param("username", "types-editor")
                .param("password", PASSWORD).with(csrf())).andReturn().getRequest().getSession();
    }

    private String upload(String name, byte[] bytes) throws Exception {
        String body = mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", name, "x/y", bytes))
                .session(editor).with(csrf()).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher m = LOCATION.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x3366aa);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** Saves through the editor form, then submit → approve (someone else) → publish; returns the article id. */
    private long publishThroughTheEditor(String column, String kind, String title, String... fields) throws Exception {
        return publishWithBody(column, kind, title, "<p>" + title + "的正文。</p>", fields);
    }

    private long publishWithBody(String column, String kind, String title, String body, String... fields)
            throws Exception {
        MockHttpServletRequestBuilder form = post("/admin/articles").session(editor).with(csrf())
                .param("title", title).param("primaryColumn", String.valueOf(columns.bySlug(column).orElseThrow().id()))
                .param("kind", kind).param("body", body).param("source", "本网");
        for (int i = 0; i < fields.length; i += 2) {
            form.param("fields." + fields[i], fields[i + 1]);
        }
        String location = mvc.perform(form).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("saved").isNotNull();
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        submit.submit(author, id, null);
        approve.approve(reviewer, id, null);
        publish.publish(author, id, null, null);
        return id;
    }

    /**
     * The JSON-LD's objects list their keys in one fixed order: an order that differs from JVM to JVM gives the same
     * article different bytes, and a different strong ETag, on each node and after each restart.
     */
    private static void assertKeysInWrittenOrder(String jsonLd) {
        JsonNode data = JsonMapper.builder().build().readTree(jsonLd);
        assertThat(data.propertyNames()).startsWith("@context", "@type", "mainEntityOfPage", "headline");
        assertThat(data.get("mainEntityOfPage").propertyNames()).containsExactly("@type", "@id");
        assertThat(data.get("author").get(0).propertyNames()).first().isEqualTo("@type");
        assertThat(data.get("publisher").propertyNames()).containsExactly("@type", "name", "url");
        assertThat(data.get("about").get("legislationPassedBy").propertyNames()).containsExactly("@type", "name");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aNoticeShowsItsBadgePeriodAndContactInTheListingArticleAndFeed() throws Exception {
        LocalDate today = LocalDate.now(org.shegong.system.Times.CHINA);
        long id = publishThroughTheEditor("notices", "NOTICE", "2021年度高级社会工作师评审结果的公示",
                "noticeStart", today.minusDays(1).toString(), "noticeEnd", today.plusDays(5).toString(),
                "noticeContact", "电话：024-12345678");
        long ended = publishThroughTheEditor("notices", "NOTICE", "已结束的公示", "noticeStart",
                today.minusDays(20).toString(), "noticeEnd", today.minusDays(10).toString());

        Document article = Jsoup.parse(page("/article/" + id));
        assertThat(article.select(".notice-box .badge").text()).isEqualTo("公示中");
        assertThat(article.select(".notice-box").text()).contains("公示期：", "异议联系方式：电话：024-12345678");
        assertThat(article.select("script[type=application/ld+json]").html()).contains("\"expires\":\""
                + today.plusDays(5) + "\"");

        Document listing = Jsoup.parse(page("/column/notices"));
        assertThat(listing.select(".listing li:has(a[href=/article/" + id + "]) .badge").text()).isEqualTo("公示中");
        assertThat(listing.select(".listing li:has(a[href=/article/" + ended + "]) .badge").text()).isEqualTo("已结束");

        assertThat(page("/column/notices/rss.xml")).contains("<category>公示公告</category>", "【公示期：");
    }

    @Test
    void anInfographicShowsTheWholeImageWithCopiesAndItsTranscriptWhichSearchFinds() throws Exception {
        String image = upload("一图读懂.jpg", jpeg(800, 2400));
        long id = publishThroughTheEditor("news", "INFOGRAPHIC", "一图读懂|社会组织信用信息管理问答",
                "imageUrl", image, "transcript", "问：什么是信用信息？\n答：社会组织在活动中形成的信息。");

        Document article = Jsoup.parse(page("/article/" + id));
        var img = article.selectFirst(".infographic img");
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo(image);
        assertThat(img.attr("srcset")).contains("320w", "640w");
        assertThat(img.attr("width")).isEqualTo("800");
        assertThat(img.attr("aria-describedby")).isEqualTo("transcript-heading");
        assertThat(article.selectFirst(".infographic a").attr("href")).as("opened whole to zoom").isEqualTo(image);
        assertThat(article.select(".transcript p").eachText()).containsExactly("问：什么是信用信息？",
                "答：社会组织在活动中形成的信息。");

        Document listing = Jsoup.parse(page("/column/news"));
        var thumb = listing.selectFirst(".listing li:has(a[href=/article/" + id + "]) .thumb img");
        assertThat(thumb).as("the listing shows the image's small copy").isNotNull();
        assertThat(thumb.attr("src")).contains("-w320.");
        assertThat(mvc.perform(get(thumb.attr("src"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aPolicyShowsItsParticularsAndAttachmentAndTheListFilters() throws Exception {
        String pdf = upload("通知.pdf", pdf());
        long id = publishThroughTheEditor("policy", "POLICY", "民政部关于加强社会工作服务站建设的通知",
                "docNumber", "民发〔2021〕12号", "issuer", "民政部", "writtenOn", "2021-03-01", "validity", "VALID",
                "attachmentUrl", pdf);
        publishThroughTheEditor("policy", "POLICY", "省民政厅转发通知", "docNumber", "辽民发〔2020〕3号",
                "issuer", "辽宁省民政厅", "writtenOn", "2020-05-01", "validity", "REPEALED");

        Document article = Jsoup.parse(page("/article/" + id));
        assertThat(article.select(".policy-meta").text()).contains("民发〔2021〕12号", "民政部", "2021年3月1日", "有效");
        assertThat(article.selectFirst(".attachment a").attr("href")).isEqualTo(pdf);
        assertThat(article.select(".attachment").text()).contains("通知.pdf", "PDF");
        assertThat(article.select("script[type=application/ld+json]").html()).contains("\"Legislation\"",
                "\"legislationIdentifier\":\"民发〔2021〕12号\"");
        assertKeysInWrittenOrder(article.select("script[type=application/ld+json]").html());

        Document all = Jsoup.parse(page("/policies"));
        assertThat(all.select(".policy-table tbody tr")).hasSize(2);
        assertThat(all.select("#issuer option").eachText()).contains("民政部", "辽宁省民政厅");
        Document filtered = Jsoup.parse(page("/policies?issuer=民政部&year=2021"));
        assertThat(filtered.select(".policy-table tbody tr")).hasSize(1);
        assertThat(filtered.select(".policy-table").text()).contains("民发〔2021〕12号").doesNotContain("辽民发");
        assertThat(Jsoup.parse(page("/policies?year=2020")).select(".policy-table").text()).contains("已废止");
        assertThat(mvc.perform(get("/policies?year=abc")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aVideoPlaysInTheBrowsersPlayerWithItsPosterAndAPhotoItemFillsTheHomeBlock() throws Exception {
        String poster = upload("封面.jpg", jpeg(1280, 720));
        String video = "/media/ab/" + "0".repeat(32) + ".mp4";
        long id = publishThroughTheEditor("news", "VIDEO", "社会工作短视频大赛获奖作品", "videoUrl", video,
                "posterUrl", poster, "externalUrl", "https://example.org/v/1");
        Document article = Jsoup.parse(page("/article/" + id));
        assertThat(article.selectFirst("video").attr("poster")).isEqualTo(poster);
        assertThat(article.selectFirst("video").hasAttr("controls")).isTrue();
        assertThat(article.selectFirst("video source").attr("type")).isEqualTo("video/mp4");
        assertThat(article.select(".video a[href=https://example.org/v/1]")).hasSize(1);
        assertThat(article.select("script[type=application/ld+json]").html()).contains("\"VideoObject\"");

        String cover = upload("图片新闻.jpg", jpeg(1024, 768));
        long photo = publishThroughTheEditor("news", "PHOTO", "社工站揭牌仪式", "coverUrl", cover);
        Document home = Jsoup.parse(page("/"));
        var block = home.select(".photo-news li:has(a[href=/article/" + photo + "]) img");
        assertThat(block).as("no editor chose a picture: the newest items with one fill 图片新闻").hasSize(1);
        assertThat(block.attr("src")).contains("-w320.");
        assertThat(Jsoup.parse(page("/article/" + photo)).selectFirst(".cover img").attr("srcset")).contains("640w");
    }

    @Test
    void uploadedImagesInABodyAreServedWithTheirCopiesAndSize() throws Exception {
        String photo = upload("正文图片.jpg", jpeg(1600, 900));
        long id = publishWithBody("news", "NEWS", "正文里的图片", "<p>活动现场：</p><p><img src=\"" + photo
                + "\" alt=\"活动现场\"></p>");
        var img = Jsoup.parse(page("/article/" + id)).selectFirst(".article-body img");
        assertThat(img.attr("src")).isEqualTo(photo);
        assertThat(img.attr("srcset")).contains("-w320.", "320w", "-w640.", "640w", "-w1280.", "1280w", "1600w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("1600");
        assertThat(img.attr("height")).isEqualTo("900");
        assertThat(img.attr("alt")).isEqualTo("活动现场");
        assertThat(articles.find(id).orElseThrow().bodyHtml()).as("the stored body keeps the plain image")
                .doesNotContain("srcset");
    }

    @Test
    void theEditorFormKeepsTheFieldsAndRefusesAnAddressThatIsNoUpload() throws Exception {
        String body = mvc.perform(post("/admin/articles").session(editor).with(csrf()).param("title", "坏封面")
                        .param("primaryColumn", String.valueOf(columns.bySlug("news").orElseThrow().id()))
                        .param("kind", "PHOTO").param("fields.coverUrl", "javascript:alert(1)"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("封面图片须为本站上传的文件地址");

        String location = mvc.perform(post("/admin/articles").session(editor).with(csrf()).param("title", "草稿公示")
                        .param("primaryColumn", String.valueOf(columns.bySlug("notices").orElseThrow().id()))
                        .param("kind", "NOTICE").param("fields.noticeStart", "2021-08-27")
                        .param("fields.noticeContact", "信箱 gongshi@example.org"))
                .andReturn().getResponse().getRedirectedUrl();
        Document form = Jsoup.parse(mvc.perform(get(location).session(editor)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.selectFirst("#fields-notice-start").val()).isEqualTo("2021-08-27");
        assertThat(form.selectFirst("#fields-notice-contact").val()).isEqualTo("信箱 gongshi@example.org");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        KindFields stored = articles.find(id).orElseThrow().fields();
        assertThat(stored.noticeStart()).isEqualTo(LocalDate.of(2021, 8, 27));
        assertThat(articles.find(id).orElseThrow().kind()).isEqualTo(Kind.NOTICE);
    }
}
