package org.shegong.engage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.Role;
import org.shegong.media.MediaService;
import org.shegong.media.UploadRejected;
import org.shegong.system.outbox.OutboxFollowed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 投稿 with attachments: PDF, Word, Excel and pictures go through the media feature and arrive in the draft the
 * column's editors review (pictures in the body, documents as links, a list on the editor's page), and are served
 * by /media like any upload. The abuse cases: wrong types (also ones the media feature takes from staff, such as
 * video), oversize files, too many files, the organisation's quota, floods and a post without the CSRF token —
 * each refused with a Chinese message, and none leaves a stored file or an article behind.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:submission-files;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.site.base-url=https://www.example.org.cn",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.page-cache.enabled=false",
        "shegong.security.bcrypt-cost=4", "shegong.submission.max-file=64KB", "shegong.submission.quota=256KB"})
@AutoConfigureMockMvc
class SubmissionAttachmentsTest extends OrganisationPagesTest {

    private static final Pattern MEDIA = Pattern.compile("(?:href|src)=\"(/media/[0-9a-f]{2}/[0-9a-f]{32}\\.[a-z]+)\"");

    OrgFixture fixture;
    @Autowired MediaService media;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void attachmentsArriveWithTheDraftTheEditorSeesThemAndReadersGetThemOncePublished() throws Exception {
        MockHttpSession org = fixture.registerAndLogin("兴平街道社会工作服务站", "files@example.org");
        assertThat(fixture.page(org, "/org/submissions", 200)).contains("enctype=\"multipart/form-data\"")
                .contains("name=\"files\"");
        submit(org, "10.6.0.1", "敬老活动附活动方案", file("活动方案.pdf", pdf(2_000)),
                file("报名表.docx", ooxml("word/document.xml")), file("经费表.xlsx", ooxml("xl/workbook.xml")),
                file("现场照片.jpg", jpeg())).andExpect(status().is3xxRedirection());
        long id = articleId("敬老活动附活动方案");
        String body = body(id);
        assertThat(body).contains("<img src=\"/media/").contains("alt=\"现场照片.jpg\"").contains("活动方案.pdf</a>（PDF，")
                .contains("报名表.docx</a>（Word，").contains("经费表.xlsx</a>（Excel，").doesNotContain("http");
        List<String> urls = mediaUrls(body);
        assertThat(urls).hasSize(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engage_submission_file WHERE article_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(4);
        for (String url : urls) {
            assertThat(jdbc.sql("SELECT uploaded_by FROM media_file WHERE storage_key = ?")
                    .param(url.substring("/media/".length())).query(Long.class).single()).isEqualTo(orgActor());
        }

        MockHttpSession chief = fixture.staff(Role.CHIEF_EDITOR);
        assertThat(fixture.page(chief, "/admin", 200)).contains("敬老活动附活动方案");
        String edit = fixture.page(chief, "/admin/articles/" + id, 200);
        assertThat(edit).contains("投稿附件（4 个）").contains("活动方案.pdf").contains("经费表.xlsx").contains("现场照片.jpg");
        String pdfUrl = urls.stream().filter(u -> u.endsWith(".pdf")).findFirst().orElseThrow();
        MvcResult served = mvc.perform(get(pdfUrl)).andExpect(status().isOk()).andReturn();
        assertThat(served.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(served.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        fixture.act(fixture.staff(Role.EDITOR), id, "approve", "同意");
        fixture.act(fixture.staff(Role.REVIEWER), id, "approve", "同意");
        fixture.act(chief, id, "approve-and-publish", "同意");
        String article = fixture.page(null, "/article/" + id, 200);
        assertThat(article).contains(pdfUrl).contains("活动方案.pdf");

        // What an organisation sent stays the record of what it sent, even after the article stops showing it.
        long pdfId = jdbc.sql("SELECT id FROM media_file WHERE storage_key = ?")
                .param(pdfUrl.substring("/media/".length())).query(Long.class).single();
        // The publication's media-use rows are written by an outbox consumer: once it has followed every event, or it
        // writes them again after this delete (CI saw that: 文件仍被文章使用 instead of the 投稿 hold).
        OutboxFollowed.await(jdbc, null);
        jdbc.sql("DELETE FROM media_use WHERE media_id = ?").param(pdfId).update();
        assertThatThrownBy(() -> media.delete(1L, true, pdfId)).isInstanceOf(UploadRejected.class)
                .hasMessageContaining("投稿附件 #" + id);
        assertThat(mvc.perform(get(pdfUrl)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void wrongTypesAreRefusedAndNothingIsKept() throws Exception {
        MockHttpSession org = fixture.registerAndLogin("类型测试单位", "types@example.org");
        int files = mediaCount();
        String refusal = SubmissionFiles.REFUSED;
        assertThat(refused(org, 400, file("通知.pdf", "MZ\u0090\0\3\0\0\0 executable".getBytes(StandardCharsets.ISO_8859_1))))
                .contains(refusal).contains("附件未保存");
        assertThat(refused(org, 400, file("宣传片.mp4", mp4()))).contains(refusal);
        assertThat(refused(org, 400, file("材料.zip", zip()))).contains(refusal);
        assertThat(refused(org, 400, file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8)))).contains("SVG");
        assertThat(refused(org, 400, file("index.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))))
                .contains(refusal);
        // A good file before a bad one: the good one is removed again.
        assertThat(refused(org, 400, file("方案.pdf", pdf(1_000)), file("病毒.exe.pdf",
                "MZ\u0090\0 not a pdf".getBytes(StandardCharsets.ISO_8859_1)))).contains("病毒.exe.pdf");
        assertThat(mediaCount()).isEqualTo(files);
        assertThat(submissionCount()).isZero();
        // A form error with files: nothing is stored and the organisation is told to choose them again.
        String page = mvc.perform(multipart("/org/submissions").file(file("方案.pdf", pdf(1_000))).session(org).with(csrf())
                        .param("column", "news").param("title", "").param("body", "正文").param("website", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请填写标题").contains("请改正后重新选择附件");
        assertThat(mediaCount()).isEqualTo(files);
    }

    @Test
    void oversizeFilesTooManyFilesAndTheQuotaAreRefused() throws Exception {
        MockHttpSession org = fixture.registerAndLogin("大小测试单位", "sizes@example.org");
        int files = mediaCount();
        assertThat(refused(org, 413, file("大文件.pdf", pdf(100_000)))).contains("每个附件不能超过 64 KB");
        MockMultipartFile[] six = new MockMultipartFile[6];
        Arrays.setAll(six, i -> file("第" + i + "份.pdf", pdf(1_000)));
        assertThat(refused(org, 400, six)).contains("每篇投稿最多 5 个附件");
        MockMultipartFile[] five = new MockMultipartFile[5];
        Arrays.setAll(five, i -> file("第" + i + "份.pdf", pdf(60_000)));
        assertThat(refused(org, 413, five)).contains("本单位的附件已达上限");
        assertThat(mediaCount()).isEqualTo(files);
        // Within the quota it is taken; the next one that would pass it is not.
        submit(org, "10.6.0.3", "四份材料", Arrays.copyOf(five, 4)).andExpect(status().is3xxRedirection());
        assertThat(refused(org, 413, file("再一份.pdf", pdf(60_000)))).contains("已达上限");
        assertThat(mediaCount()).isEqualTo(files + 4);
    }

    @Test
    void floodsAndPostsWithoutTheCsrfTokenStoreNothing() throws Exception {
        MockHttpSession org = fixture.registerAndLogin("频率测试单位", "flood@example.org");
        int files = mediaCount();
        mvc.perform(multipart("/org/submissions").file(file("方案.pdf", pdf(1_000))).session(org)
                .param("column", "news").param("title", "没有令牌").param("body", "正文")).andExpect(status().isForbidden());
        mvc.perform(multipart("/org/submissions").file(file("方案.pdf", pdf(1_000))).session(org).with(csrf().useInvalidToken())
                .param("column", "news").param("title", "错误令牌").param("body", "正文")).andExpect(status().isForbidden());
        assertThat(mediaCount()).isEqualTo(files);
        assertThat(submissionCount()).isZero();

        for (int i = 0; i < SubmissionService.PER_ORGANISATION_PER_DAY; i++) {
            submit(org, "10.6.0.4", "批量" + i, file("图" + i + ".png", png())).andExpect(status().is3xxRedirection());
        }
        int before = mediaCount();
        assertThat(refused(org, 429, file("超额.pdf", pdf(1_000)))).contains("投稿过于频繁");
        assertThat(mediaCount()).isEqualTo(before);
    }

    private org.springframework.test.web.servlet.ResultActions submit(MockHttpSession org, String address,
                                                                      String title, MockMultipartFile... files)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/org/submissions");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return mvc.perform(request.session(org).with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("column", "news").param("title", title).param("body", "活动情况如下。").param("website", ""));
    }

    private String refused(MockHttpSession org, int status, MockMultipartFile... files) throws Exception {
        return submit(org, "10.6.0.2", "被拒的投稿", files).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }

    private long orgActor() {
        return -jdbc.sql("SELECT id FROM engage_organisation WHERE email = 'files@example.org'").query(Long.class).single();
    }

    private int mediaCount() {
        return jdbc.sql("SELECT COUNT(*) FROM media_file").query(Integer.class).single();
    }

    private int submissionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE title IN ('被拒的投稿', '没有令牌', '错误令牌')")
                .query(Integer.class).single();
    }

    private long articleId(String title) {
        return jdbc.sql("SELECT MAX(id) FROM article WHERE title = ?").param(title).query(Long.class).single();
    }

    private String body(long id) {
        return jdbc.sql("SELECT body_html FROM article_revision WHERE article_id = ? ORDER BY id DESC LIMIT 1")
                .param(id).query(String.class).single();
    }

    private static List<String> mediaUrls(String html) {
        Matcher m = MEDIA.matcher(html);
        List<String> urls = new java.util.ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    static byte[] pdf(int size) {
        StringBuilder text = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n");
        while (text.length() < size - 30) {
            text.append("% padding padding padding padding\n");
        }
        return text.append("trailer << /Root 1 0 R >>\n%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ooxml(String mainPart) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("材料.txt"));
            zip.write("社会工作".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] mp4() {
        java.nio.ByteBuffer box = java.nio.ByteBuffer.allocate(48);
        box.putInt(32).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
                .put("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        box.putInt(16).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(0);
        return box.array();
    }

    static byte[] jpeg() throws Exception {
        return image("jpeg");
    }

    private static byte[] png() throws Exception {
        return image("png");
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
