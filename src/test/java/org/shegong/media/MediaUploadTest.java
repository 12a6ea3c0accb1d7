package org.shegong.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Uploads through HTTP as the editor's uploader sends them: every allowed kind is accepted and served safely,
 * and each hostile file is refused or made harmless. The browser's Content-Type is always a lie here
 * ("image/jpeg") to show it is never believed.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:media-upload;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.media.max-image=300KB",
        "shegong.media.max-attachment=1MB", "shegong.media.quota-per-user=3MB"})
@AutoConfigureMockMvc
class MediaUploadTest {

    static final String PASSWORD = "pass-word-12345";
    static final Pattern LOCATION = Pattern.compile("\"location\":\"(/media/[^\"]+)\"");
    static Path mediaDir;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired MediaRepository repository;
    @Autowired DownloadCounter downloads;
    @Autowired ArticleService articles;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate transactions;
    @Autowired org.shegong.content.importer.BulkImporter bulk;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws IOException {
        mediaDir = Files.createTempDirectory("shegong-media-test");
        registry.add("shegong.media.directory", () -> mediaDir.toString());
    }

    @BeforeAll
    static void none() {
        // accounts are created per test with unique names (one context, one in-memory database)
    }

    private MockHttpSession login(String username, Role role) throws Exception {
        if (accounts.findByUsername(username).isEmpty()) {
            long news = columns.bySlug("news").orElseThrow().id();
            accounts.create(username, username, PASSWORD, role == Role.ADMINISTRATOR,
                    role == Role.ADMINISTRATOR ? List.of() : List.of(new ColumnGrant(news, role)));
        }
        return (MockHttpSession) mvc.perform(post("/admin/login").param("username", username)
                .param("password", PASSWORD).with(csrf())).andReturn().getRequest().getSession();
    }

    private MockHttpServletResponse upload(MockHttpSession session, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                .session(session).with(csrf()).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    }

    private String accepted(MockHttpSession session, String name, byte[] bytes) throws Exception {
        MockHttpServletResponse response = upload(session, name, bytes);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(name + ": " + body).isEqualTo(201);
        Matcher m = LOCATION.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private String refused(MockHttpSession session, String name, byte[] bytes, int status) throws Exception {
        MockHttpServletResponse response = upload(session, name, bytes);
        assertThat(response.getStatus()).as(name).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse();
    }

    private MediaFile file(String url) {
        return repository.byKey(url.substring(MediaUrls.PREFIX.length())).orElseThrow();
    }

    @Test
    void everyAllowedKindIsAcceptedUnderARandomKeyAndServedWithItsSniffedType() throws Exception {
        MockHttpSession editor = login("media-editor", Role.EDITOR);
        record Case(String name, byte[] bytes, MediaKind kind, String type, String disposition) {
        }
        List<Case> cases = List.of(
                new Case("照片.jpg", TestFiles.jpeg(1500, 1000), MediaKind.IMAGE, "image/jpeg", "inline"),
                new Case("标志.png", TestFiles.png(60, 40, true), MediaKind.IMAGE, "image/png", "inline"),
                new Case("图表.png", TestFiles.png(60, 40, false), MediaKind.IMAGE, "image/jpeg", "inline"),
                new Case("动图.gif", TestFiles.gif(30, 30), MediaKind.IMAGE, "image/jpeg", "inline"),
                new Case("新格式.webp", TestFiles.webp(), MediaKind.IMAGE, null, "inline"),
                new Case("通知.pdf", TestFiles.pdf(), MediaKind.ATTACHMENT, "application/pdf", "attachment"),
                new Case("申报表.docx", TestFiles.ooxml("word/document.xml"), MediaKind.ATTACHMENT,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"),
                new Case("名单.xlsx", TestFiles.ooxml("xl/workbook.xml"), MediaKind.ATTACHMENT,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment"),
                new Case("讲稿.pptx", TestFiles.ooxml("ppt/presentation.xml"), MediaKind.ATTACHMENT,
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "attachment"),
                new Case("旧表.xls", TestFiles.ole2(), MediaKind.ATTACHMENT, "application/vnd.ms-excel", "attachment"),
                new Case("材料.zip", TestFiles.zip(), MediaKind.ATTACHMENT, "application/zip", "attachment"),
                new Case("说明.txt", TestFiles.utf8("社会工作者职业水平评价办法\n第一条"), MediaKind.ATTACHMENT,
                        "text/plain;charset=UTF-8", "attachment"),
                new Case("短片.mp4", TestFiles.mp4(), MediaKind.VIDEO, "video/mp4", "inline"),
                new Case("短片.webm", TestFiles.webm(), MediaKind.VIDEO, "video/webm", "inline"));
        for (Case c : cases) {
            String url = accepted(editor, c.name(), c.bytes());
            MediaFile stored = file(url);
            assertThat(stored.kind()).as(c.name()).isEqualTo(c.kind());
            assertThat(url).as(c.name()).matches("/media/[0-9a-f]{2}/[0-9a-f]{32}\\.[a-z0-9]+").doesNotContain(".php");
            MockHttpServletResponse served = fetch(url);
            assertThat(served.getStatus()).as(c.name()).isEqualTo(200);
            if (c.type() != null) {
                assertThat(served.getContentType().replace(" ", "")).as(c.name()).isEqualTo(c.type());
            }
            assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(served.getHeader("Content-Disposition")).as(c.name()).startsWith(c.disposition());
            assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
        }
        // a large photo gets smaller copies for srcset
        MediaFile photo = repository.search("照片", MediaKind.IMAGE, 1).get(0);
        assertThat(photo.variantWidths()).containsExactly(320, 640, 1280);
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(
                fetch(MediaUrls.ofWidth(photo, 320)).getContentAsByteArray()));
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(213);
        assertThat(MediaUrls.srcset(photo)).contains(" 320w", " 640w", " 1280w", " 1500w");
    }

    @Test
    void exifAndGpsAreGoneAfterReEncoding() throws Exception {
        MockHttpSession editor = login("media-exif", Role.EDITOR);
        byte[] original = TestFiles.jpegWithGps(400, 300);
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Exif", "SECRET-HOME-39.9042N");
        byte[] served = fetch(accepted(editor, "现场.jpg", original)).getContentAsByteArray();
        String text = new String(served, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("SECRET-HOME");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(400);
    }

    @Test
    void hostileFilesAreRefusedWithAChineseReason() throws Exception {
        MockHttpSession editor = login("media-hostile", Role.EDITOR);
        String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertThat(refused(editor, "logo.svg", TestFiles.utf8(svg), 400)).contains("SVG");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>";
        assertThat(refused(editor, "chart.png", TestFiles.utf8(xxe), 400)).contains("SVG").doesNotContain("root:");
        String html = "<!DOCTYPE html><html><body><script>fetch('/admin/users')</script></body></html>";
        assertThat(refused(editor, "photo.jpg", TestFiles.utf8(html), 400)).contains("不支持此类文件");
        assertThat(refused(editor, "shell.php.jpg", TestFiles.utf8("<?php system($_GET['c']); ?>"), 400))
                .contains("不支持此类文件");
        assertThat(refused(editor, "setup.exe.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, 400))
                .contains("不支持此类文件");
        assertThat(refused(editor, "bomb.png", TestFiles.decompressionBomb(), 413)).contains("像素过多", "30000×30000");
        assertThat(refused(editor, "big.png", TestFiles.noisyPng(400, 300), 413)).contains("图片不能超过");
        assertThat(refused(editor, "empty.pdf", new byte[0], 400)).contains("请选择要上传的文件");
        try (Stream<Path> files = Files.walk(mediaDir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .noneMatch(p -> p.endsWith(".svg") || p.endsWith(".php") || p.endsWith(".html") || p.endsWith(".exe"));
        }
    }

    @Test
    void polyglotsAreMadeHarmless() throws Exception {
        MockHttpSession editor = login("media-polyglot", Role.EDITOR);
        byte[] gif = fetch(accepted(editor, "anim.gif", TestFiles.gifJsPolyglot())).getContentAsByteArray();
        assertThat(new String(gif, StandardCharsets.ISO_8859_1)).doesNotContain("alert").doesNotContain("script");

        MockHttpServletResponse pdf = fetch(accepted(editor, "notice.html", TestFiles.pdfHtmlPolyglot()));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment").contains("notice.pdf");
        assertThat(pdf.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.getHeader("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
    }

    @Test
    void uploadedNamesNeverBecomePaths() throws Exception {
        MockHttpSession editor = login("media-names", Role.EDITOR);
        String url = accepted(editor, "../../../../etc/cron.d/evil.pdf", TestFiles.pdf());
        assertThat(file(url).originalName()).isEqualTo("evil.pdf");
        url = accepted(editor, "..\\..\\windows\\系统\u202Egpj.exe.pdf", TestFiles.pdf());
        assertThat(file(url).originalName()).isEqualTo("系统gpj.exe.pdf");
        url = accepted(editor, "report.pdf.exe", TestFiles.pdf());
        assertThat(file(url).originalName()).isEqualTo("report.pdf.pdf");
        assertThat(fetch(url).getHeader("Content-Disposition")).contains("filename=\"report.pdf.pdf\"");
        assertThat(Files.exists(mediaDir.resolve("../etc"))).isFalse();
        assertThat(fetch("/media/../application.properties").getStatus()).isIn(400, 404);
        assertThat(fetch("/media/ab/..%2F..%2Fshegong.mv.db").getStatus()).isIn(400, 404);
    }

    @Test
    void uploadsNeedTheCsrfTokenAndALogin() throws Exception {
        MockHttpSession editor = login("media-csrf", Role.EDITOR);
        long before = repository.search(null, null, 1000).size();
        int status = mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                TestFiles.pdf())).session(editor).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        status = mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                TestFiles.pdf())).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isIn(302, 401, 403);
        assertThat(repository.search(null, null, 1000)).hasSize((int) before);
    }

    @Test
    void aContributorMayDeleteOnlyTheirOwnFilesAndTheQuotaHolds() throws Exception {
        MockHttpSession alice = login("media-alice", Role.CONTRIBUTOR);
        MockHttpSession bob = login("media-bob", Role.CONTRIBUTOR);
        MockHttpSession admin = login("media-admin", Role.ADMINISTRATOR);
        MediaFile alices = file(accepted(alice, "甲.pdf", TestFiles.pdf()));
        MediaFile bobs = file(accepted(bob, "乙.pdf", TestFiles.pdf()));

        int status = mvc.perform(post("/admin/media/" + alices.id() + "/delete").session(bob).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(repository.find(alices.id())).isPresent();
        assertThat(fetch(MediaUrls.of(alices)).getStatus()).isEqualTo(200);

        status = mvc.perform(post("/admin/media/" + alices.id() + "/delete").session(alice))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("no token").isEqualTo(403);

        mvc.perform(post("/admin/media/" + alices.id() + "/delete").session(alice).with(csrf()));
        assertThat(repository.find(alices.id())).isEmpty();
        assertThat(fetch(MediaUrls.of(alices)).getStatus()).isEqualTo(404);
        mvc.perform(post("/admin/media/" + bobs.id() + "/delete").session(admin).with(csrf()));
        assertThat(repository.find(bobs.id())).isEmpty();

        // 3 MB each: three attachments of 0.9 MB fit, the fourth does not
        byte[] text = TestFiles.utf8("社".repeat(300_000));
        for (int i = 0; i < 3; i++) {
            accepted(bob, "长文" + i + ".txt", text);
        }
        assertThat(refused(bob, "长文3.txt", text, 413)).contains("每人最多");
    }

    @Test
    void attachmentDownloadsAreCounted() throws Exception {
        MockHttpSession editor = login("media-count", Role.EDITOR);
        String url = accepted(editor, "计数.pdf", TestFiles.pdf());
        fetch(url);
        fetch(url);
        downloads.flush();
        assertThat(file(url).downloadCount()).isEqualTo(2);
        String library = mvc.perform(get("/admin/media").param("q", "计数").session(editor)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(library).contains("计数.pdf", url, "未使用", "删除");
    }

    @Test
    void aFileALiveArticleUsesCannotBeDeletedUntilTheArticleStopsUsingIt() throws Exception {
        MockHttpSession editor = login("media-usage", Role.EDITOR);
        MediaFile photo = file(accepted(editor, "揭牌.jpg", TestFiles.jpeg(900, 600)));
        MediaFile pdf = file(accepted(editor, "名单.pdf", TestFiles.pdf()));
        long news = columns.bySlug("news").orElseThrow().id();
        String body = "<p><img src=\"" + MediaUrls.ofWidth(photo, 640) + "\" alt=\"揭牌\"></p><p><a href=\""
                + MediaUrls.of(pdf) + "\">名单</a></p>";
        long article = save("media-usage-1", body, news);
        relay.drain();
        assertThat(repository.usedBy(photo.id())).containsExactly(article);
        assertThat(repository.usedBy(pdf.id())).containsExactly(article);
        int status = mvc.perform(post("/admin/media/" + photo.id() + "/delete").session(editor).with(csrf())
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
        assertThat(repository.find(photo.id())).isPresent();
        assertThat(mvc.perform(get("/admin/media/" + photo.id()).session(editor)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/admin/articles/" + article)
                .as("a live article by its title").contains(">社工站揭牌</a>");

        save("media-usage-1", "<p>附件已撤下。</p>", news);
        relay.drain();
        assertThat(repository.usedBy(photo.id())).isEmpty();
        mvc.perform(post("/admin/media/" + photo.id() + "/delete").session(editor).with(csrf()));
        assertThat(repository.find(photo.id())).isEmpty();
        assertThat(fetch(MediaUrls.ofWidth(photo, 640)).getStatus()).isEqualTo(404);
    }

    @Test
    void aFileOnlyADraftUsesIsKeptWithTheDraftNamedInTheRefusal() throws Exception {
        MockHttpSession editor = login("media-draft", Role.EDITOR);
        MediaFile photo = file(accepted(editor, "草稿配图.jpg", TestFiles.jpeg(900, 600)));
        MediaFile other = file(accepted(editor, "无关.jpg", TestFiles.jpeg(300, 200)));
        String news = String.valueOf(columns.bySlug("news").orElseThrow().id());
        String location = mvc.perform(post("/admin/articles").session(editor).with(csrf()).param("title", "尚未发布的稿件")
                        .param("primaryColumn", news).param("kind", "NEWS")
                        .param("body", "<p><img src=\"" + MediaUrls.ofWidth(photo, 640) + "\" alt=\"配图\"></p>"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("draft saved").isNotNull();
        long draft = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        relay.drain();
        assertThat(repository.usedBy(photo.id())).as("no live article uses it").isEmpty();

        MockHttpServletResponse refused = mvc.perform(post("/admin/media/" + photo.id() + "/delete").session(editor)
                .with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("未发布的稿件或修改", "#" + draft);
        assertThat(repository.find(photo.id())).isPresent();
        assertThat(fetch(MediaUrls.ofWidth(photo, 640)).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/admin/media/" + photo.id()).session(editor)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("未发布的稿件或修改", "/admin/articles/" + draft);

        mvc.perform(post("/admin/media/" + other.id() + "/delete").session(editor).with(csrf()));
        assertThat(repository.find(other.id())).as("a file nothing holds is deleted").isEmpty();
    }

    @Test
    void filesNamedByABulkImportAreInUseOnceTheImportIsFollowed() throws Exception {
        MockHttpSession editor = login("media-bulk", Role.EDITOR);
        MediaFile photo = file(accepted(editor, "批量导入配图.jpg", TestFiles.jpeg(900, 600)));
        String line = "{\"id\":\"media-bulk-1\",\"column\":\"行业动态\",\"title\":\"批量导入的图片新闻\","
                + "\"body\":\"<p><img src=\\\"" + MediaUrls.ofWidth(photo, 640) + "\\\" alt=\\\"配图\\\"></p>\","
                + "\"published_at\":\"2024-05-01T10:00:00+08:00\"}";
        assertThat(bulk.importJsonLines(new java.io.ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), n -> { })
                .created()).isEqualTo(1);
        relay.drain();
        long article = articles.existing(List.of("media-bulk-1")).get("media-bulk-1").id();
        assertThat(repository.usedBy(photo.id())).containsExactly(article);
        int status = mvc.perform(post("/admin/media/" + photo.id() + "/delete").session(editor).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
        assertThat(repository.find(photo.id())).isPresent();
    }

    private long save(String externalId, String body, long column) {
        ArticleInput input = ArticleInput.builder("社工站揭牌", List.of(column)).externalId(externalId).bodyHtml(body)
                .source("民政局").publishedAt(java.time.Instant.parse("2021-08-27T02:00:00Z"))
                .status(ArticleStatus.LIVE).build();
        return transactions.execute(s -> articles.save(input)).id();
    }
}
