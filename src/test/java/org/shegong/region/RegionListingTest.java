package org.shegong.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ContentFixture;
import org.shegong.content.ListingPage;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A region's numbered pages: keyset pages over region_listing, newest first, following re-tags and withdrawals. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class RegionListingTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.load("china-division-2.7.0");
    private static final Instant AT = Instant.parse("2021-08-27T02:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    RegionListing listing;
    RegionTagging tagging;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        listing = new RegionListing(content.db.jdbc(), content.listings);
        tagging = new RegionTagging(new RegionTagger(DIRECTORY), DIRECTORY,
                new ArticleRegionRepository(content.db.jdbc(), DIRECTORY), content.service,
                new DataSourceTransactionManager(content.db.dataSource()), listing,
                new org.shegong.system.outbox.OutboxWriter(content.db.jdbc(), content.clock));
    }

    private long publish(String title, int minutes) {
        long id = content.publish("r" + title.hashCode(), title, AT.plusSeconds(60L * minutes), "news");
        tagging.follow(id);
        return id;
    }

    @Test
    void pagesListTheRegionAndEverythingUnderItNewestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // The same minute for pairs: equal times are ordered by id, as in a column.
            ids.add(0, publish((i % 3 == 0 ? "沈阳浑南区" : i % 3 == 1 ? "大连市" : "辽宁省") + "社工站第" + i + "次活动", i / 2));
        }
        long elsewhere = publish("吉林省长春市社工站启动", 100);

        assertThat(listing.count("210000")).isEqualTo(45);
        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            ListingPage found = listing.page("210000", page).orElseThrow();
            assertThat(found.pages()).isEqualTo(3);
            assertThat(found.total()).isEqualTo(45);
            assertThat(found.items()).hasSize(page < 3 ? 20 : 5);
            found.items().forEach(item -> seen.add(item.id()));
        }
        assertThat(seen).doesNotContain(elsewhere).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen).isEqualTo(newestFirst(seen));
        assertThat(listing.page("210000", 4)).isEmpty();
        assertThat(listing.page("210100", 1).orElseThrow().total()).isEqualTo(15); // 沈阳 holds 浑南区's items
        assertThat(listing.page("210112", 1).orElseThrow().items()).extracting(ArticleListItem::title)
                .allMatch(t -> t.startsWith("沈阳浑南区"));
        assertThat(listing.page("650000", 1).orElseThrow().total()).isZero(); // an empty region has one empty page
    }

    @Test
    void aWithdrawalOrARetagLeavesThePagesOfTheRegionsItLeft() {
        long shenyang = publish("沈阳浑南区社工站正式运营", 1);
        long dalian = publish("大连市社工站正式运营", 2);
        assertThat(listing.count("210000")).isEqualTo(2);
        assertThat(listing.count("210100")).isEqualTo(1);

        content.service.withdraw(shenyang);
        tagging.follow(shenyang);
        assertThat(listing.count("210000")).isEqualTo(1);
        assertThat(listing.count("210100")).isZero();

        tagging.choose(dalian, DIRECTORY.require("220100"), List.of());
        assertThat(listing.count("210000")).isZero();
        assertThat(listing.page("220000", 1).orElseThrow().items()).extracting(ArticleListItem::id)
                .containsExactly(dalian);
    }

    @Test
    void countsSinceCountEachRegionsRecentItems() {
        publish("沈阳浑南区社工站正式运营", 1);
        publish("大连市社工站正式运营", 600);
        publish("长春市社工站正式运营", 2);
        Map<String, Long> counts = listing.countsSince(List.of("210000", "220000", "650000"), AT.plusSeconds(300));
        assertThat(counts).containsExactly(Map.entry("210000", 1L));
        assertThat(listing.countsSince(List.of("210000", "220000"), Instant.EPOCH))
                .containsEntry("210000", 2L).containsEntry("220000", 1L);
    }

    private List<Long> newestFirst(List<Long> ids) {
        Map<Long, Instant> at = new java.util.HashMap<>();
        content.listings.liveItems(ids).forEach(item -> at.put(item.id(), item.publishedAt()));
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(java.util.Comparator.comparing((Long id) -> at.get(id)).thenComparing(id -> id).reversed());
        return sorted;
    }
}
