package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ContentFixture;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Stored tags and region listings: machine tags follow the article, a person's choice survives every re-tag. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class RegionTaggingTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.load("china-division-2.7.0");
    private static final RegionTagger TAGGER = new RegionTagger(DIRECTORY);
    private static final Instant AT = Instant.parse("2021-08-27T02:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    RegionTagging tagging;
    RegionChoices choices;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        tagging = new RegionTagging(TAGGER, DIRECTORY, new ArticleRegionRepository(content.db.jdbc(), DIRECTORY),
                content.service, new DataSourceTransactionManager(content.db.dataSource()),
                new RegionListing(content.db.jdbc(), content.listings),
                new org.shegong.system.outbox.OutboxWriter(content.db.jdbc(), content.clock));
        choices = new RegionChoices(DIRECTORY, TAGGER, tagging);
    }

    private List<String> listedUnder(String code) {
        return content.db.jdbc().sql("SELECT article_id FROM region_listing WHERE region_code = ?").param(code)
                .query(Long.class).list().stream().map(String::valueOf).toList();
    }

    /** The regions.changed events written so far: aggregate id, then the region codes (as a set; empty: none). */
    private List<java.util.Map.Entry<Long, java.util.Set<String>>> regionEvents() {
        return content.db.jdbc().sql("SELECT aggregate_id, payload FROM outbox_event WHERE event_type = ? ORDER BY id")
                .param(org.shegong.system.outbox.OutboxEvent.REGIONS_CHANGED)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2) == null ? java.util.Set.of("*")
                        : java.util.Set.of(rs.getString(2).split(",")).stream().filter(c -> !c.isEmpty())
                                .collect(java.util.stream.Collectors.toSet())))
                .list();
    }

    @Test
    void whatTaggingChangesIsAnnouncedInTheOutboxOnceSoEveryNodeFollows() {
        long id = content.publish("a9", "沈阳浑南区社工站正式运营", AT, "news");
        tagging.follow(id);
        assertThat(regionEvents()).containsExactly(java.util.Map.entry(id, java.util.Set.of("210000", "210100", "210112")));

        tagging.follow(id); // nothing changed: nothing written, nothing announced
        assertThat(regionEvents()).hasSize(1);

        content.service.withdraw(id);
        tagging.follow(id);
        assertThat(regionEvents()).hasSize(2).last()
                .isEqualTo(java.util.Map.entry(id, java.util.Set.of("210000", "210100", "210112")));

        tagging.retagAll(done -> { });
        assertThat(regionEvents()).as("a full re-tag: one event for all articles").hasSize(3).last()
                .isEqualTo(java.util.Map.entry(0L, java.util.Set.of("*")));
    }

    @Test
    void aFullRetagLeavesTheSameRowsAsTaggingEachArticleOneByOne() {
        long shenyang = content.publish("b1", "沈阳浑南区社工站正式运营", AT, "news");
        long shenzhen = content.publish("b2", "深圳市援疆社工服务队出发", AT.plusSeconds(60), "news");
        long chosen = content.publish("b3", "北京市朝阳区社区养老服务站开放", AT.plusSeconds(120), "news");
        long withdrawn = content.publish("b4", "江苏南京鼓楼区社工站挂牌", AT.plusSeconds(180), "news");
        for (long id : List.of(shenyang, shenzhen, chosen, withdrawn)) {
            tagging.follow(id);
        }
        tagging.choose(chosen, DIRECTORY.find("440300").orElseThrow(), List.of(DIRECTORY.find("110105").orElseThrow()));
        content.service.withdraw(withdrawn);
        tagging.follow(withdrawn);
        List<String> oneByOne = rows();
        assertThat(oneByOne).as("the person's choice is listed")
                .anyMatch(row -> row.startsWith("L 440300 " + chosen + " @"))
                .noneMatch(row -> row.startsWith("L ") && row.contains(" " + withdrawn + " @"));

        var jdbc = content.db.jdbc();
        jdbc.sql("DELETE FROM article_region WHERE source = 'MACHINE'").update();
        jdbc.sql("DELETE FROM region_listing WHERE article_id <> ?").param(shenzhen).update();
        jdbc.sql("UPDATE region_listing SET published_at = ?").param(java.time.LocalDateTime.of(2020, 1, 1, 0, 0)).update();
        jdbc.sql("INSERT INTO region_listing (region_code, published_at, article_id) VALUES ('320000', ?, ?)")
                .params(java.time.LocalDateTime.of(2021, 8, 27, 10, 3), withdrawn).update();
        tagging.retagAll(done -> { });
        assertThat(rows()).isEqualTo(oneByOne);
    }

    /**
     * Two full re-tags at once (the outbox follower's after a bulk import and an operator's, as CI met): both delete an
     * article's rows and both insert them, and the later insert used to fail on the earlier one's rows. Now each
     * complete, and the rows are those of one re-tag.
     */
    @Test
    void twoRetagsAtOnceBothCompleteWithTheRowsOfOne() throws Exception {
        String[] titles = {"沈阳浑南区社工站正式运营", "深圳市援疆社工服务队出发", "北京市朝阳区社区养老服务站开放",
                "江苏南京鼓楼区社工站挂牌"};
        for (int i = 0; i < 120; i++) {
            content.publish("c" + i, titles[i % titles.length] + " " + i, AT.plusSeconds(i), "news");
        }
        tagging.retagAll(done -> { });
        List<String> once = rows();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                content.db.jdbc().sql("DELETE FROM region_listing").update();
                content.db.jdbc().sql("DELETE FROM article_region").update();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Long>> both = new java.util.ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    both.add(two.submit(() -> {
                        start.await();
                        return tagging.retagAll(done -> { });
                    }));
                }
                start.countDown();
                for (var retag : both) {
                    assertThat(retag.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(120);
                }
                assertThat(rows()).isEqualTo(once);
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** A second full re-tag on the same node waits for the first instead of walking beside it (stop 33's failure). */
    @Test
    void aSecondFullRetagWaitsForTheFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            content.publish("w" + i, "沈阳浑南区社工站正式运营 " + i, AT.plusSeconds(i), "news");
        }
        java.util.concurrent.CountDownLatch firstInside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch letFirstGo = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong secondProgress = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> tagging.retagAll(done -> {
                firstInside.countDown();
                await(letFirstGo);
            }));
            assertThat(firstInside.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = two.submit(() -> tagging.retagAll(secondProgress::set));
            Thread.sleep(300); // long enough for three articles to be re-tagged if nothing held it back
            assertThat(second.isDone()).isFalse();
            assertThat(secondProgress).hasValue(0);
            letFirstGo.countDown();
            assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(secondProgress).hasValue(3);
        } finally {
            letFirstGo.countDown();
            two.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theTablesStatisticsCanBeRefreshedOnEveryDatabase() {
        long id = content.publish("b9", "沈阳浑南区社工站正式运营", AT, "news");
        tagging.follow(id);
        new ArticleRegionRepository(content.db.jdbc(), DIRECTORY).refreshStatistics();
        if (target == DatabaseTarget.POSTGRES) {
            assertThat(content.db.jdbc().sql("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN"
                    + " ('article_region', 'region_listing') AND last_analyze IS NOT NULL").query(Long.class).single())
                    .isEqualTo(2);
        }
    }

    /** Every tag row (T) and listing row (L), sorted, as text. */
    private List<String> rows() {
        var jdbc = content.db.jdbc();
        List<String> rows = new java.util.ArrayList<>(jdbc.sql("SELECT region_code, is_primary, source, article_id"
                + " FROM article_region").query((rs, n) -> "T " + rs.getString(1) + " " + rs.getBoolean(2) + " "
                + rs.getString(3) + " " + rs.getLong(4)).list());
        rows.addAll(jdbc.sql("SELECT region_code, published_at, article_id FROM region_listing")
                .query((rs, n) -> "L " + rs.getString(1) + " " + rs.getLong(3) + " @"
                        + rs.getObject(2, java.time.LocalDateTime.class)).list());
        java.util.Collections.sort(rows);
        return rows;
    }

    @Test
    void theRetagCommandMovesTheServersTaggerPastTheEventsItCovered() {
        long id = content.publish("a8", "沈阳浑南区社工站正式运营", AT, "news");
        var outbox = new org.shegong.system.outbox.OutboxWriter(content.db.jdbc(), content.clock);
        var coverage = new org.shegong.system.outbox.OutboxCoverage(content.db.jdbc(), content.clock);
        content.db.jdbc().sql("INSERT INTO outbox_consumer (name, last_event_id, updated_at) VALUES (?, 0, ?)")
                .params(RegionTagFollower.NAME, java.time.LocalDateTime.now()).update();
        content.db.jdbc().sql("DELETE FROM outbox_event").update();
        outbox.append(org.shegong.system.outbox.OutboxEvent.ARTICLES_BULK_IMPORTED, 0, null);
        long bulk = coverage.latest();
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                java.util.Map.of("tagging", tagging, "coverage", coverage));
        var command = new RetagCommand(beans.getBeanProvider(RegionTagging.class),
                beans.getBeanProvider(org.shegong.system.outbox.OutboxCoverage.class));

        assertThat(command.run(List.of())).isZero();
        assertThat(listedUnder("210112")).containsExactly(String.valueOf(id));
        assertThat(tagPosition()).as("the bulk import is done; the retag's own event is left for the others")
                .isEqualTo(bulk).isLessThan(coverage.latest());

        coverage.coveredUpTo(RegionTagFollower.NAME, 1);
        assertThat(tagPosition()).as("never moved back").isEqualTo(bulk);
        content.db.jdbc().sql("DELETE FROM outbox_consumer").update();
        coverage.coveredUpTo(RegionTagFollower.NAME, bulk);
        assertThat(tagPosition()).as("a server that never ran starts after it").isEqualTo(bulk);
    }

    private long tagPosition() {
        return content.db.jdbc().sql("SELECT last_event_id FROM outbox_consumer WHERE name = ?")
                .param(RegionTagFollower.NAME).query(Long.class).single();
    }

    @Test
    void machineTagsAreListedUnderTheRegionAndEveryRegionAboveIt() {
        long id = content.publish("a1", "沈阳浑南区社工站正式运营", AT, "news");
        tagging.follow(id);
        List<ArticleRegion> tags = tagging.of(id);
        assertThat(tags).extracting(t -> t.region().code()).containsExactly("210112");
        assertThat(tags.get(0).primary()).isTrue();
        assertThat(tags.get(0).source()).isEqualTo(ArticleRegion.Source.MACHINE);
        for (String code : List.of("210000", "210100", "210112")) {
            assertThat(listedUnder(code)).containsExactly(String.valueOf(id));
        }
        assertThat(tagging.newest("210000", 5)).containsExactly(id);

        content.service.withdraw(id);
        tagging.follow(id);
        assertThat(listedUnder("210000")).isEmpty();
        assertThat(tagging.of(id)).hasSize(1);
    }

    @Test
    void aPersonsChoiceSurvivesRetaggingUntilTheFieldIsCleared() {
        long id = content.publish("a2", "沈阳浑南区社工站正式运营", AT, "news");
        tagging.follow(id);
        String shown = choices.field(id, "沈阳浑南区社工站正式运营", null, null).value();
        assertThat(shown).isEqualTo("辽宁省沈阳市浑南区");

        choices.apply(id, shown, shown); // unchanged: still the machine's
        assertThat(tagging.of(id).get(0).source()).isEqualTo(ArticleRegion.Source.MACHINE);

        choices.apply(id, "大连；辽宁省沈阳市浑南区", shown);
        tagging.follow(id);
        assertThat(tagging.retagAll(done -> { })).isEqualTo(1);
        List<ArticleRegion> tags = tagging.of(id);
        assertThat(tags).extracting(t -> t.region().code()).containsExactly("210200", "210112");
        assertThat(tags).allMatch(t -> t.source() == ArticleRegion.Source.PERSON);
        assertThat(listedUnder("210200")).containsExactly(String.valueOf(id));
        RegionField field = choices.field(id, "沈阳浑南区社工站正式运营", null, null);
        assertThat(field.byPerson()).isTrue();
        assertThat(field.suggestion()).isEqualTo("辽宁省沈阳市浑南区");

        choices.apply(id, "", field.value());
        assertThat(tagging.of(id)).extracting(t -> t.region().code()).containsExactly("210112");
        assertThat(tagging.of(id).get(0).source()).isEqualTo(ArticleRegion.Source.MACHINE);
        assertThat(listedUnder("210200")).isEmpty();
    }

    @Test
    void theEditorsFieldRejectsUnknownAndAmbiguousNames() {
        assertThat(choices.parse("110105 沈阳、全国")).extracting(Region::code).containsExactly("110105", "210100", "000000");
        assertThat(choices.parse("北京市朝阳区")).extracting(Region::code).containsExactly("110105");
        assertThatThrownBy(() -> choices.parse("鼓楼区")).isInstanceOf(RegionInputException.class)
                .hasMessageContaining("有多个同名地区").hasMessageContaining("江苏省南京市鼓楼区");
        assertThatThrownBy(() -> choices.parse("火星")).isInstanceOf(RegionInputException.class)
                .hasMessageContaining("「火星」不是已知的地区名称或代码");
    }
}
