package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Item-type fields (V85) on every database: stored and read back whole, replaced on update, in the list columns
 * (thumbnail source and period, no body), in the bulk path, and the policy list's filters by issuer and year.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class KindFieldsRepositoryTest {

    static final String IMAGE = "/media/ab/" + "0123456789abcdef0123456789abcdef" + ".jpg";
    static final String PDF = "/media/cd/" + "fedcba9876543210fedcba9876543210" + ".pdf";

    @Parameter
    DatabaseTarget target;

    ContentFixture content;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
    }

    private long save(String externalId, Kind kind, KindFields fields, String column) {
        ArticleInput input = ArticleInput.builder("标题" + externalId, List.of(content.column(column).id()))
                .externalId(externalId).bodyHtml("<p>正文</p>").kind(kind).fields(fields)
                .publishedAt(Instant.parse("2021-08-27T02:00:00Z")).status(ArticleStatus.LIVE).build();
        return content.db.transactions().execute(s -> content.service.save(input)).id();
    }

    static KindFields policy(String issuer, LocalDate writtenOn, String docNumber) {
        return new KindFields(null, null, null, null, null, null, docNumber, issuer, writtenOn,
                KindFields.Validity.VALID, PDF, null, null, null);
    }

    @Test
    void everyFieldIsStoredAndReadBackAndAnUpdateReplacesThem() {
        KindFields all = new KindFields(IMAGE, LocalDate.of(2021, 8, 27), LocalDate.of(2021, 9, 2), "电话 024-1234",
                IMAGE, "第一段\n第二段", "辽民发〔2021〕8号", "辽宁省民政厅", LocalDate.of(2021, 8, 20),
                KindFields.Validity.AMENDED, PDF, "/media/ef/" + "0".repeat(32) + ".mp4", IMAGE,
                "https://example.org/v/1");
        long id = save("all", Kind.NOTICE, all, "notices");
        assertThat(content.articles.findById(id).orElseThrow().fields()).isEqualTo(all);

        KindFields less = new KindFields(null, LocalDate.of(2021, 8, 27), null, null, null, null, null, null, null,
                null, null, null, null, null);
        save("all", Kind.NOTICE, less, "notices");
        assertThat(content.articles.findById(id).orElseThrow().fields()).isEqualTo(less);
        assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM article_fields WHERE article_id = ?").param(id)
                .query(Long.class).single()).as("nothing left to keep: no row").isZero();
    }

    @Test
    void articlesNamingAFileAreFoundByBodyOrFieldButNotWhileDrafts() {
        long policy = save("p", Kind.POLICY, policy("民政部", LocalDate.of(2021, 8, 20), "民发〔2021〕1号"), "news");
        ArticleInput withImage = ArticleInput.builder("正文里有图", List.of(content.column("news").id()))
                .externalId("b").bodyHtml("<p><img src=\"" + IMAGE.replace(".jpg", "-w640.jpg") + "\"></p>")
                .publishedAt(Instant.parse("2021-08-27T02:00:00Z")).status(ArticleStatus.LIVE).build();
        long body = content.db.transactions().execute(s -> content.service.save(withImage)).id();
        ArticleInput draft = ArticleInput.builder("草稿", List.of(content.column("news").id())).externalId("d")
                .bodyHtml("<p><a href=\"" + PDF + "\">附件</a></p>").status(ArticleStatus.DRAFT).build();
        content.db.transactions().execute(s -> content.service.save(draft));

        assertThat(content.service.idsMentioning(PDF.substring(0, PDF.indexOf('.')))).containsExactly(policy);
        assertThat(content.service.idsMentioning(IMAGE.substring(0, IMAGE.indexOf('.')))).containsExactly(body);
        assertThat(content.service.idsMentioning("/media/")).containsExactly(Math.min(policy, body),
                Math.max(policy, body));
    }

    @Test
    void listingsCarryTheThumbnailSourceAndThePeriodButNoBody() {
        save("n", Kind.NOTICE, new KindFields(null, LocalDate.of(2021, 8, 27), LocalDate.of(2021, 9, 2), null,
                null, null, null, null, null, null, null, null, null, null), "notices");
        save("i", Kind.INFOGRAPHIC, new KindFields(null, null, null, null, IMAGE, "说明", null, null, null, null,
                null, null, null, null), "notices");
        List<ArticleListItem> items = content.listing.page(content.column("notices").id(), 1).orElseThrow().items();
        ArticleListItem notice = items.stream().filter(i -> i.kind() == Kind.NOTICE).findFirst().orElseThrow();
        ArticleListItem infographic = items.stream().filter(i -> i.kind() == Kind.INFOGRAPHIC).findFirst()
                .orElseThrow();
        assertThat(notice.noticeState(LocalDate.of(2021, 8, 30))).isEqualTo(NoticeState.OPEN);
        assertThat(notice.noticeState(LocalDate.of(2021, 9, 3))).isEqualTo(NoticeState.ENDED);
        assertThat(notice.listImage()).isNull();
        assertThat(infographic.listImage()).as("a 一图读懂's image is its thumbnail").isEqualTo(IMAGE);
    }

    @Test
    void thePolicyListFiltersByIssuerAndYear() {
        save("p1", Kind.POLICY, policy("民政部", LocalDate.of(2021, 3, 1), "民发〔2021〕1号"), "policy");
        save("p2", Kind.POLICY, policy("民政部", LocalDate.of(2020, 12, 31), "民发〔2020〕9号"), "policy");
        save("p3", Kind.POLICY, policy("辽宁省民政厅", LocalDate.of(2021, 1, 1), "辽民发〔2021〕2号"), "policy");
        save("news", Kind.NEWS, policy("民政部", LocalDate.of(2021, 3, 1), "不是政策文件"), "policy");
        PolicyRepository policies = new PolicyRepository(content.db.jdbc());

        assertThat(policies.count(null, null)).isEqualTo(3);
        assertThat(policies.page("民政部", 2021, 20, 0)).extracting(PolicyRepository.PolicyItem::docNumber)
                .containsExactly("民发〔2021〕1号");
        assertThat(policies.page(null, 2021, 20, 0)).extracting(PolicyRepository.PolicyItem::docNumber)
                .containsExactly("民发〔2021〕1号", "辽民发〔2021〕2号");
        assertThat(policies.issuers()).containsExactly("民政部", "辽宁省民政厅");
        assertThat(policies.years()).containsExactly(2021, 2020);
    }

    @Test
    void bulkImportStoresTheFieldsToo() {
        KindFields fields = policy("民政部", LocalDate.of(2021, 3, 1), "民发〔2021〕1号");
        ArticleInput input = ArticleInput.builder("批量政策", List.of(content.column("policy").id()))
                .externalId("bulk-1").bodyHtml("<p>正文</p>").kind(Kind.POLICY).fields(fields)
                .publishedAt(Instant.parse("2021-08-27T02:00:00Z")).status(ArticleStatus.LIVE).build();
        JdbcTemplate template = new JdbcTemplate(content.db.dataSource());
        BulkArticles bulk = new BulkArticles(content.articles, new ArticleBatchRepository(template, content.articles),
                new OutboxWriter(content.db.jdbc(), content.clock), content.clock);
        content.db.transactions().execute(s -> bulk.saveAll(List.of(PreparedArticle.of(input))));
        long id = content.articles.findByExternalIds(List.of("bulk-1")).get("bulk-1").id();
        assertThat(content.articles.findById(id).orElseThrow().fields()).isEqualTo(fields);
        content.db.transactions().execute(s -> bulk.saveAll(List.of(PreparedArticle.of(ArticleInput.builder(
                "批量政策", List.of(content.column("policy").id())).externalId("bulk-1").bodyHtml("<p>正文</p>")
                .kind(Kind.POLICY).fields(policy("民政部", LocalDate.of(2021, 3, 1), "民发〔2021〕2号"))
                .publishedAt(Instant.parse("2021-08-27T02:00:00Z")).status(ArticleStatus.LIVE).build()))));
        assertThat(content.articles.findById(id).orElseThrow().fields().docNumber()).isEqualTo("民发〔2021〕2号");
    }

    @Test
    void onlyUploadedFilesAndHttpsLinksAreAccepted() {
        assertThatThrownBy(() -> new KindFields("javascript:alert(1)", null, null, null, null, null, null, null, null,
                null, null, null, null, null).checked()).hasMessageContaining("本站上传");
        assertThatThrownBy(() -> new KindFields(null, null, null, null, null, null, null, null, null, null, null,
                null, null, "http://example.org").checked()).hasMessageContaining("https://");
        assertThatThrownBy(() -> new KindFields(null, LocalDate.of(2021, 9, 2), LocalDate.of(2021, 8, 27), null,
                null, null, null, null, null, null, null, null, null, null).checked()).hasMessageContaining("早于");
        assertThat(new KindFields(IMAGE, null, null, null, null, null, null, null, null, null, PDF, null, null,
                "https://example.org/a").checked().coverUrl()).isEqualTo(IMAGE);
    }
}
