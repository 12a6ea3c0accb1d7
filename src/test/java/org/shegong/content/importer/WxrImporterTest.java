package org.shegong.content.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.Article;
import org.shegong.content.ArticleStatus;
import org.shegong.content.ContentFixture;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.core.io.ClassPathResource;

/**
 * The export a real WordPress 6.1 wrote (src/test/resources/wxr/README.md says how), imported on every database:
 * columns from categories, tags, authors, dates, statuses, pictures from the uploads folder, sanitising, and a
 * second run that changes nothing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class WxrImporterTest {

    static final String SITE = "wp:shegong-wp.example?p=";

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    WxrImporter importer;
    final List<String> storedFiles = new ArrayList<>();
    /** Stores like the media feature as far as the import can see: an address made from the bytes. */
    final ImportMedia media = (name, in) -> {
        byte[] bytes = in.readAllBytes();
        storedFiles.add(name);
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
            return "/media/" + hex.substring(0, 2) + "/" + hex + ".jpg";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        importer = wxrOn(content);
    }

    static WxrImporter wxrOn(ContentFixture content) {
        return new WxrImporter(Importers.on(content), content.columns);
    }

    static Path fixture(String name) throws IOException {
        return new ClassPathResource("wxr/" + name).getFile().toPath();
    }

    ImportReport importFixture() throws IOException {
        var options = new WxrImporter.Options(fixture("uploads"), Map.of(), null, "federation", false, null);
        return importer.importFile(fixture("shegong-wp.xml"), options, media, progress());
    }

    static WxrImporter.Progress progress() {
        return new WxrImporter.Progress() {
            @Override
            public void started(int items) {
            }

            @Override
            public void stored(long items) {
            }
        };
    }

    Article article(long postId) {
        long id = content.db.jdbc().sql("SELECT id FROM article WHERE external_id = ?").param(SITE + postId)
                .query(Long.class).single();
        return content.service.find(id).orElseThrow();
    }

    @Test
    void theRealExportImportsWithItsColumnsTagsAuthorsDatesAndStatuses() throws IOException {
        ImportReport report = importFixture();

        assertThat(report.created()).as(report.problems() + " " + report.notes()).isEqualTo(8);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.problems()).singleElement().hasToString(
                "第 1 项: 没有可归入的栏目（分类: [Uncategorized]）；可用 --column= 指定默认栏目或 --columns= 映射（Hello world!）");
        assertThat(report.omitted()).isEqualTo(2);
        assertThat(report.notes()).extracting(ImportProblem::toString).contains(
                "第 10 项: 私密文章不导入（内部：工作人员通讯录）", "第 11 项: 回收站中的文章不导入（已删除的旧稿）",
                "第 6 项: 分类“志愿者风采”(volunteers) 没有对应栏目，未计入；可用 --columns=映射文件 指定（volunteers=栏目名）",
                "第 7 项: 分类“地方动态”没有对应栏目，归入上级分类“行业动态”的栏目“行业动态”");

        Article hainan = article(4);
        assertThat(hainan.title()).isEqualTo("海南省首批66个乡镇(街道)社工站已全部运营");
        assertThat(hainan.status()).isEqualTo(ArticleStatus.LIVE);
        assertThat(hainan.columnIds()).containsExactly(content.column("news").id());
        assertThat(hainan.tags()).containsExactlyInAnyOrder("乡镇", "社工站");
        assertThat(hainan.author()).isEqualTo("李晓红");
        assertThat(hainan.summary()).isEqualTo("海南省首批社工站全部投入运营。");
        assertThat(hainan.publishedAt()).isEqualTo(Instant.parse("2024-05-20T01:30:00Z"));
        assertThat(hainan.fields().coverUrl()).as("featured image").startsWith("/media/");
        assertThat(hainan.bodyHtml()).contains("<strong>已全部运营</strong>").contains("<figcaption>社工站门前</figcaption>")
                .contains("<figure><img").doesNotContain("[caption").doesNotContain("[gallery").doesNotContain("script")
                .doesNotContain("shegong-wp.example").containsPattern("src=\"/media/[0-9a-f]{2}/[0-9a-f]{32}\\.jpg\"");

        Article notice = article(7);
        assertThat(notice.columnIds()).containsExactly(content.column("notices").id());
        assertThat(notice.author()).isEqualTo("王编辑");
        assertThat(notice.bodyHtml()).contains("<h2>一、报名时间</h2>").contains("<li>现场审核：6月25日</li>")
                .contains("<figcaption>报名流程</figcaption>").doesNotContain("wp:").doesNotContain("wp-image")
                .containsPattern("<a href=\"/media/[0-9a-f/]+\\.jpg\"[^>]*>报名表</a>");

        Article local = article(8);
        assertThat(local.columnIds()).containsExactly(content.column("news").id());
        assertThat(local.bodyHtml()).as("a missing picture keeps its address and is reported")
                .contains("http://shegong-wp.example/wp-content/uploads/2024/06/missing.jpg");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n.toString()).startsWith("第 7 项: 上传文件 2024/06/missing.jpg"));

        Article draft = article(9);
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        Article pending = article(10);
        assertThat(pending.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(pending.publishedAt()).as("post_date at the site's +08:00, GMT date unset")
                .isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
        Article page = article(14);
        assertThat(page.columnIds()).containsExactly(content.column("federation").id());
        assertThat(page.bodyHtml()).isEqualTo("<p>本站由社会工作者协会主办。</p>");
        assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM article WHERE external_id IN (?, ?)")
                .params(SITE + 11, SITE + 12).query(Long.class).single()).as("private and trash").isZero();
        assertThat(storedFiles).as("each file once per run; the resized copy is its own file")
                .containsExactlyInAnyOrder("shegong-zhan.jpg", "shegong-zhan-300x180.jpg");
        assertThat(content.listing.latest(content.column("news").id(), 10)).hasSize(2);
    }

    @Test
    void importingTheSameExportAgainChangesNothingAndAnEditedPostIsUpdated() throws IOException {
        importFixture();
        long before = content.articles.count();
        ImportReport second = importFixture();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(8);
        assertThat(content.articles.count()).isEqualTo(before).isEqualTo(8);

        String edited = java.nio.file.Files.readString(fixture("shegong-wp.xml"), StandardCharsets.UTF_8)
                .replace("<![CDATA[沈阳浑南区社区志愿服务队走进敬老院]]>", "<![CDATA[沈阳浑南区志愿服务队走进敬老院（更正）]]>");
        Path copy = java.nio.file.Files.createTempFile("wxr-edited", ".xml");
        try {
            java.nio.file.Files.writeString(copy, edited);
            var options = new WxrImporter.Options(fixture("uploads"), Map.of(), null, "federation", false, null);
            ImportReport third = importer.importFile(copy, options, media, progress());
            assertThat(third.updated()).isEqualTo(1);
            assertThat(third.created()).isZero();
            assertThat(article(8).title()).isEqualTo("沈阳浑南区志愿服务队走进敬老院（更正）");
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
    }

    @Test
    void aMappingFileAndADefaultColumnFileEveryCategory() throws IOException {
        var options = new WxrImporter.Options(null, Map.of("uncategorized", "research", "志愿者风采", "federation"),
                "policy", null, false, null);
        ImportReport report = importer.importFile(fixture("shegong-wp.xml"), options, media, progress());
        assertThat(report.failed()).as(report.problems().toString()).isZero();
        assertThat(article(1).columnIds()).containsExactly(content.column("research").id());
        assertThat(article(7).columnIds()).containsExactlyInAnyOrder(content.column("notices").id(),
                content.column("federation").id());
        assertThat(article(14).columnIds()).as("pages go to the default column without --pages-column")
                .containsExactly(content.column("policy").id());
        assertThat(article(4).fields().coverUrl()).as("no uploads folder: no featured image").isNull();
        assertThat(article(4).bodyHtml()).contains("http://shegong-wp.example/wp-content/uploads/2024/05/");
        assertThat(storedFiles).isEmpty();
    }

    @Test
    void aMappingToAColumnThatDoesNotExistStopsBeforeAnythingIsStored() throws IOException {
        var options = new WxrImporter.Options(null, Map.of("hangye", "不存在的栏目"), null, null, false, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> importer.importFile(fixture("shegong-wp.xml"), options, media, progress()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不存在的栏目");
        assertThat(content.articles.count()).isZero();
    }
}
