package org.shegong.region;

import org.shegong.region.data.RegionDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ContentFixture;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** 相关阅读 ranks the nearest place first, then shared tags and title words; it differs from article to article. */
class RelatedReadingTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.load("china-division-2.7.0");
    private static final Instant AT = Instant.parse("2021-08-01T02:00:00Z");

    ContentFixture content;
    RegionTagging tagging;
    RelatedReading related;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(DatabaseTarget.H2));
        tagging = new RegionTagging(new RegionTagger(DIRECTORY), DIRECTORY,
                new ArticleRegionRepository(content.db.jdbc(), DIRECTORY), content.service,
                new DataSourceTransactionManager(content.db.dataSource()),
                new RegionListing(content.db.jdbc(), content.listings),
                new org.shegong.system.outbox.OutboxWriter(content.db.jdbc(), content.clock));
        related = new RelatedReading(tagging, DIRECTORY, content.listings);
    }

    private long publish(String id, String title, int minutes, List<String> tags) {
        long article = content.publish(id, title, AT.plusSeconds(60L * minutes), false, null, tags, "news");
        tagging.follow(article);
        return article;
    }

    private List<Long> relatedTo(long id) {
        return related.of(content.service.find(id).orElseThrow(), tagging.of(id), 5).stream()
                .map(ArticleListItem::id).toList();
    }

    @Test
    void nearestPlaceFirstThenSharedTagsAndWordsNotTheNewestItems() {
        long hunnan = publish("a", "沈阳浑南区社工站开展助老服务", 0, List.of());
        long hunnanToo = publish("b", "浑南区社区工作者培训开班", 1, List.of());
        long shenyang = publish("c", "沈阳市铁西区社会组织孵化基地开放", 2, List.of());
        long dalian = publish("d", "大连市社工站全覆盖", 3, List.of());
        long hainanTagged = publish("e", "海南省社工站已全部运营", 4, List.of("助老"));
        for (int i = 0; i < 8; i++) {
            publish("n" + i, "西藏拉萨第" + i + "条新闻", 10 + i, List.of());
        }
        assertThat(relatedTo(hunnan)).startsWith(hunnanToo, shenyang, dalian);
        assertThat(tagging.describe(hunnan)).isEqualTo("辽宁省沈阳市浑南区");
        List<Long> forHainan = relatedTo(hainanTagged);
        assertThat(forHainan).doesNotContain(hainanTagged);
        assertThat(forHainan).isNotEqualTo(relatedTo(hunnan));
        assertThat(relatedTo(dalian).subList(0, 3)).containsExactlyInAnyOrder(hunnan, hunnanToo, shenyang);
    }

    @Test
    void amongEqualsTheNewestComeFirst() {
        long reading = publish("r", "读书会分享心得", 0, List.of());
        long older = publish("o", "志愿者表彰大会", 1, List.of());
        long newer = publish("m", "儿童游园活动", 2, List.of());
        long newest = publish("x", "春节慰问老人", 3, List.of());
        assertThat(relatedTo(reading)).as("no place, tag or title word in common: the column's newest first")
                .containsExactly(newest, newer, older);
    }

    @Test
    void titlesShareTheirHanPairsButNotTheSectorsEverydayWords() {
        assertThat(RelatedReading.bigrams("社工")).as("an everyday word only").isEmpty();
        assertThat(RelatedReading.bigrams("2024年浑南区")).hasSize(3); // 年浑 浑南 南区; digits are no Han
        assertThat(RelatedReading.bigrams("浑南浑南")).as("distinct").hasSize(2); // 浑南 南浑
        int[] hunnan = RelatedReading.bigrams("沈阳浑南区社工站开展助老服务");
        assertThat(RelatedReading.shared(hunnan, RelatedReading.bigrams("浑南区社区工作者培训开班")))
                .as("浑南 南区 区社; not 社工 or 工作").isEqualTo(3);
        assertThat(RelatedReading.shared(hunnan, RelatedReading.bigrams("大连市社工站全覆盖"))).as("工站").isEqualTo(1);
        assertThat(RelatedReading.shared(hunnan, RelatedReading.bigrams("Shegong 2024"))).isZero();
        assertThat(RelatedReading.shared(hunnan, hunnan)).isEqualTo(hunnan.length);
    }
}
