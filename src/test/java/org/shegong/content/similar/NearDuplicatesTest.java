package org.shegong.content.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleStatus;
import org.shegong.content.ContentFixture;
import org.shegong.content.Kind;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Reworded, reordered and truncated copies are found; two provinces' news on the same topic are not. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class NearDuplicatesTest {

    static final String LIAONING_TITLE = "辽宁省乡镇（街道）社工站实现全覆盖";
    static final List<String> LIAONING = List.of(
            "记者从辽宁省民政厅获悉，截至今年6月底，全省1228个乡镇（街道）社会工作服务站已全部建成并投入运营，提前半年完成全覆盖目标。",
            "省民政厅有关负责人介绍，社工站建设坚持“政府主导、社会参与、专业服务”原则，由县级民政部门统筹，采取政府购买服务方式引入专业社会服务机构运营。",
            "目前全省社工站共配备驻站社会工作者3600余名，其中持证社会工作者占比超过六成，累计服务困难群众、留守老人和困境儿童等各类对象12万人次。",
            "沈阳市浑南区在全省率先探索“社工站+志愿服务”模式，链接社区志愿者1800余名，开展入户探访、政策宣传和心理疏导等服务。",
            "下一步，辽宁将加强社工站督导评估，建立省市县三级督导体系，推动社工站从“有形覆盖”向“有效覆盖”转变，让专业社会工作服务惠及更多基层群众。");
    static final String HAINAN_TITLE = "海南省首批乡镇（街道）社工站全部运营";
    static final List<String> HAINAN = List.of(
            "海南省民政厅日前召开专题会议，通报全省社工站建设进展：海口、三亚、五指山、琼海、陵水、琼中等6个市县的66个乡镇（街道）社工站已全部挂牌运营。",
            "据了解，海南在推进社工站建设中注重因地制宜，在少数民族聚居地区配备懂黎语、苗语的本土社工，提高服务的可及性和亲和力。",
            "各社工站围绕社会救助、养老服务、儿童关爱保护和社区治理四大领域开展服务，建立困难群众动态台账，上半年共走访特殊群体2.3万户。",
            "琼中黎族苗族自治县湾岭镇社工站联合镇卫生院开展“健康进村”活动，为山区独居老人提供健康评估和用药指导，受到群众欢迎。",
            "海南省民政厅表示，将把社工站建设纳入乡村振兴考核内容，力争到2025年底实现全省乡镇（街道）社工站全覆盖，并培育一批本土社会工作服务机构。");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    NearDuplicates duplicates;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        duplicates = new NearDuplicates(content.db.jdbc());
    }

    private ArticleInput input(String externalId, String title, List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>");
        }
        return new ArticleInput(externalId, title, null, null, body.toString(), "民政部", null, null, Kind.NEWS, false,
                List.of(content.column("news").id()), List.of(), null, Instant.parse("2021-08-20T02:00:00Z"),
                ArticleStatus.LIVE);
    }

    private long save(String externalId, String title, List<String> paragraphs) {
        return content.db.transactions().execute(s -> content.service.save(input(externalId, title, paragraphs))).id();
    }

    private List<Long> similarTo(String title, List<String> paragraphs) {
        return content.service.similarTo(input(null, title, paragraphs), null).stream()
                .map(NearDuplicates.Match::articleId).toList();
    }

    @Test
    void rewordedReorderedAndTruncatedCopiesAreFound() {
        long liaoning = save("ln", LIAONING_TITLE, LIAONING);
        save("hn", HAINAN_TITLE, HAINAN);

        List<String> reworded = new ArrayList<>(LIAONING);
        reworded.set(0, LIAONING.get(0).replace("已全部建成", "已经全部建成"));
        reworded.set(2, LIAONING.get(2).replaceFirst("社会工作者", "社工"));
        reworded.set(3, LIAONING.get(3).replace("沈阳市浑南区", "沈阳浑南区"));
        assertThat(similarTo(LIAONING_TITLE, reworded)).containsExactly(liaoning);

        List<String> reordered = new ArrayList<>(LIAONING);
        Collections.swap(reordered, 1, 3);
        Collections.swap(reordered, 0, 4);
        assertThat(similarTo(LIAONING_TITLE, reordered)).containsExactly(liaoning);

        // The first three paragraphs and a half: the lead the site kept, the rest cut.
        List<String> truncated = List.of(LIAONING.get(0), LIAONING.get(1), LIAONING.get(2),
                LIAONING.get(3).substring(0, 30));
        assertThat(similarTo("辽宁社工站全覆盖", truncated)).containsExactly(liaoning);

        assertThat(similarTo(LIAONING_TITLE, LIAONING)).as("an identical copy, of course").containsExactly(liaoning);
    }

    @Test
    void twoProvincesNewsOnTheSameTopicAreNotSimilar() {
        long liaoning = save("ln", LIAONING_TITLE, LIAONING);
        long hainan = save("hn", HAINAN_TITLE, HAINAN);
        assertThat(duplicates.similarTo(liaoning)).isEmpty();
        assertThat(duplicates.similarTo(hainan)).isEmpty();
        Fingerprints a = Fingerprints.of(LIAONING_TITLE, String.join("", LIAONING));
        Fingerprints b = Fingerprints.of(HAINAN_TITLE, String.join("", HAINAN));
        assertThat(SimHash.distance(a.whole(), b.whole())).isGreaterThan(10);
        assertThat(duplicates.clusters(10)).isEmpty();
    }

    @Test
    void savingAgainReplacesTheFingerprintAndClustersGroupCopies() {
        long original = save("ln", LIAONING_TITLE, LIAONING);
        List<String> reordered = new ArrayList<>(LIAONING);
        Collections.reverse(reordered);
        long copy = save("ln-copy", LIAONING_TITLE, reordered);
        long hainan = save("hn", HAINAN_TITLE, HAINAN);
        List<String> truncated = HAINAN.subList(0, 4);
        long hainanCopy = save("hn-copy", "海南首批社工站全部运营", truncated);

        assertThat(duplicates.similarTo(original)).extracting(NearDuplicates.Match::articleId).containsExactly(copy);
        List<List<NearDuplicates.Match>> clusters = duplicates.clusters(10);
        assertThat(clusters).hasSize(2);
        assertThat(clusters).allSatisfy(c -> assertThat(c).hasSize(2));
        assertThat(clusters.stream().map(c -> c.stream().map(NearDuplicates.Match::articleId).sorted().toList()))
                .containsExactlyInAnyOrder(List.of(original, copy), List.of(hainan, hainanCopy));

        // The copy is rewritten into something else: it leaves the cluster.
        content.db.transactions().execute(s -> content.service.save(input("ln-copy", "另一篇文章", HAINAN.subList(3, 5)
                .stream().map(p -> p + "这是完全不同的补充内容，讲的是另一件事情。").toList())));
        assertThat(duplicates.similarTo(original)).isEmpty();
    }

    @Test
    void aShortTextHasNoFingerprintAndMatchesNothing() {
        save("short", "一图读懂", List.of("社工站"));
        assertThat(similarTo("一图读懂", List.of("社工站"))).isEmpty();
        assertThat(Fingerprints.of("一图读懂", "社工站").isEmpty()).isTrue();
    }
}
