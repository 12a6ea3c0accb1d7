package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.content.ArticleStatus;
import org.shegong.content.ContentFixture;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * Files that are not what a WordPress export should be: malformed XML, other XML, XXE and entity-expansion
 * attempts, a huge title or text, missing dates. None of them may store half a file or read a server file.
 * (H2 only: what is tested here is decided before any SQL; the fixture test covers the three databases.)
 */
class WxrBadInputTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:wp="http://wordpress.org/export/1.1/">
            <channel>
            <wp:wxr_version>1.1</wp:wxr_version>
            <wp:base_site_url>https://old.example.org</wp:base_site_url>
            <wp:category><wp:category_nicename>hangye</wp:category_nicename><wp:cat_name><![CDATA[行业动态]]></wp:cat_name></wp:category>
            """;
    private static final String TAIL = "</channel></rss>\n";

    @TempDir
    Path dir;
    ContentFixture content;
    WxrImporter importer;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(DatabaseTarget.H2));
        importer = WxrImporterTest.wxrOn(content);
    }

    static String item(int id, String title, String status, String date, String gmt) {
        return """
                <item><title><![CDATA[%s]]></title><dc:creator>admin</dc:creator>
                <content:encoded><![CDATA[<p>第 %d 篇的正文。</p>]]></content:encoded>
                <wp:post_id>%d</wp:post_id>%s%s<wp:status>%s</wp:status><wp:post_type>post</wp:post_type>
                <category domain="category" nicename="hangye"><![CDATA[行业动态]]></category></item>
                """.formatted(title, id, id, date == null ? "" : "<wp:post_date>" + date + "</wp:post_date>",
                gmt == null ? "" : "<wp:post_date_gmt>" + gmt + "</wp:post_date_gmt>", status);
    }

    ImportReport importText(String xml) throws IOException {
        Path file = dir.resolve("export.xml");
        Files.writeString(file, xml);
        return importer.importFile(file, WxrImporter.Options.defaults(), null, WxrImporterTest.progress());
    }

    @Test
    void malformedXmlIsReportedWithItsLineAndNothingIsStored() {
        String xml = HEAD + item(1, "第一篇", "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00")
                + "<item><title>坏的</titel></item>\n" + TAIL;
        assertThatThrownBy(() -> importText(xml)).isInstanceOf(WxrReader.WxrFormatException.class)
                .hasMessageStartingWith("第 13 行第 18 列: ").hasMessageContaining("XML 格式错误，文件未导入");
        assertThat(content.articles.count()).as("the good item before the error is not stored either").isZero();
    }

    @Test
    void aTruncatedFileIsMalformedToo() {
        String xml = HEAD + item(1, "第一篇", "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00");
        assertThatThrownBy(() -> importText(xml.substring(0, xml.length() - 40)))
                .isInstanceOf(WxrReader.WxrFormatException.class).hasMessageContaining("XML 格式错误");
        assertThat(content.articles.count()).isZero();
    }

    @Test
    void xmlThatIsNotAWordPressExportIsRefused() {
        assertThatThrownBy(() -> importText("<?xml version=\"1.0\"?><html><body><p>你好</p></body></html>"))
                .isInstanceOf(WxrReader.WxrFormatException.class).hasMessageContaining("不是 WordPress 导出文件")
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> importText("<rss version=\"2.0\"><channel><title>别的 RSS</title><item><title>条目"
                + "</title></item></channel></rss>"))
                .isInstanceOf(WxrReader.WxrFormatException.class).hasMessageContaining("wp:wxr_version");
        assertThat(content.articles.count()).isZero();
    }

    @Test
    void externalEntitiesAndDtdsAreRefusedBeforeAnythingIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "机密内容");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + HEAD.substring(HEAD.indexOf("<rss")) + item(1, "&xxe;", "publish", "2024-05-20 09:30:00",
                "2024-05-20 01:30:00").replace("<![CDATA[&xxe;]]>", "&xxe;") + TAIL;
        assertThatThrownBy(() -> importText(xxe)).isInstanceOf(WxrReader.WxrFormatException.class)
                .hasMessageContaining("DTD").hasMessageNotContaining("机密");
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"哈哈哈哈哈哈哈哈\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n" + HEAD.substring(HEAD.indexOf("<rss"))
                + item(2, "笑", "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00") + TAIL;
        assertThatThrownBy(() -> importText(laughs)).isInstanceOf(WxrReader.WxrFormatException.class)
                .hasMessageContaining("DTD");
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + secret.toUri() + "\">\n"
                + HEAD.substring(HEAD.indexOf("<rss")) + TAIL;
        assertThatThrownBy(() -> importText(external)).isInstanceOf(WxrReader.WxrFormatException.class);
        String undeclared = HEAD + item(3, "&xxe;", "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00")
                .replace("<![CDATA[&xxe;]]>", "&xxe;") + TAIL;
        assertThatThrownBy(() -> importText(undeclared)).isInstanceOf(WxrReader.WxrFormatException.class)
                .hasMessageContaining("xxe");
        assertThat(content.articles.count()).isZero();
    }

    @Test
    void aHugeTitleOrTextFailsItsItemAndTheOthersAreImported() throws IOException {
        String xml = HEAD + item(1, "标".repeat(301), "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00")
                + item(2, "好的一篇", "publish", "2024-05-21 09:30:00", "2024-05-21 01:30:00")
                + item(3, "正文太长", "publish", "2024-05-22 09:30:00", "2024-05-22 01:30:00")
                        .replace("<p>第 3 篇的正文。</p>", "长".repeat(WxrReader.MAX_TEXT + 1))
                + TAIL;
        ImportReport report = importText(xml);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly(
                "第 1 项: 标题 (title) 超过 300 个字符", "第 3 项: 标题或正文超过 4000000 个字符（正文太长）");
    }

    @Test
    void missingDatesFailAPublishedPostButNotADraft() throws IOException {
        String xml = HEAD + item(1, "没有日期的文章", "publish", null, null)
                + item(2, "日期为零的文章", "publish", "0000-00-00 00:00:00", "0000-00-00 00:00:00")
                + item(3, "没有日期的草稿", "draft", null, "0000-00-00 00:00:00")
                + item(4, "日期写错的文章", "publish", "2024年5月20日", "0000-00-00 00:00:00") + TAIL;
        ImportReport report = importText(xml);
        assertThat(report.problems()).extracting(ImportProblem::line).containsExactly(1, 2, 4);
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).contains("缺少发布时间"));
        assertThat(report.created()).isEqualTo(1);
        String status = content.db.jdbc().sql("SELECT status FROM article WHERE external_id = ?")
                .param("wp:old.example.org?p=3").query(String.class).single();
        assertThat(status).isEqualTo(ArticleStatus.DRAFT.name());
    }

    @Test
    void xmlsOwnEntitiesAndCharacterReferencesOutsideCdataAreText() throws IOException {
        String xml = HEAD + item(1, "X", "publish", "2024-05-20 09:30:00", "2024-05-20 01:30:00")
                .replace("<![CDATA[X]]>", "社工 &amp; 志愿者 &#20013;&#x56FD; &lt;b&gt;")
                .replace("<dc:creator>", "<link>https://old.example.org/?p=1&amp;x=2</link><dc:creator>") + TAIL;
        ImportReport report = importText(xml);
        assertThat(report.created()).as(report.problems().toString()).isEqualTo(1);
        assertThat(content.db.jdbc().sql("SELECT title FROM article").query(String.class).single())
                .isEqualTo("社工 & 志愿者 中国 <b>");
    }

    @Test
    void anEmptyFileAndAMissingMappingTargetAreClearErrors() {
        assertThatThrownBy(() -> importText("")).isInstanceOf(WxrReader.WxrFormatException.class)
                .hasMessageContaining("XML");
        Path file = dir.resolve("ok.xml");
        assertThatThrownBy(() -> {
            Files.writeString(file, HEAD + TAIL);
            importer.importFile(file, new WxrImporter.Options(null, Map.of(), "没有这个栏目", null, false, null), null,
                    WxrImporterTest.progress());
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有这个栏目");
    }
}
