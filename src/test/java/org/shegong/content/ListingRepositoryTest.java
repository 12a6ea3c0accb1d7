package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.Times;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Listing order, seek pagination and neighbours, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ListingRepositoryTest {

    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
    }

    @Test
    void everyNumberedPageMatchesAnOffsetQueryIncludingTiesOnPublishTime() {
        long news = content.column("news").id();
        // 95 items, several sharing a publish time, so the article id must break ties consistently.
        for (int i = 0; i < 95; i++) {
            Instant at = START.plus(Duration.ofMinutes(i / 3));
            content.publish("n" + i, "第" + i + "条新闻", at, "news");
        }
        List<Long> expected = content.db.jdbc().sql("""
                SELECT article_id FROM column_listing WHERE column_id = ?
                ORDER BY published_at DESC, article_id DESC""").param(news).query(Long.class).list();
        assertThat(expected).hasSize(95);

        List<Long> paged = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            ListingPage result = content.listing.page(news, page).orElseThrow();
            assertThat(result.pages()).isEqualTo(5);
            assertThat(result.total()).isEqualTo(95);
            assertThat(result.items()).hasSize(page < 5 ? 20 : 15);
            result.items().forEach(item -> paged.add(item.id()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(content.listing.page(news, 6)).isEmpty();
        assertThat(content.listing.page(news, 0)).isEmpty();
    }

    @Test
    void emptyColumnHasOneEmptyPage() {
        ListingPage page = content.listing.page(content.column("research").id(), 1).orElseThrow();
        assertThat(page.items()).isEmpty();
        assertThat(page.pages()).isEqualTo(1);
        assertThat(page.total()).isZero();
    }

    @Test
    void featuredAndWithdrawnArticlesAreNotListedButFeaturedOnesAreOfferedSeparately() {
        long news = content.column("news").id();
        content.publish("a", "普通新闻", START, "news");
        long featured = content.publish("b", "置顶新闻", START.plusSeconds(60), true, null, List.of(), "news");
        long withdrawn = content.publish("c", "撤下的新闻", START.plusSeconds(120), "news");
        content.listings.relist(withdrawn, ArticleStatus.WITHDRAWN, false, START, List.of(news));

        assertThat(content.listing.page(news, 1).orElseThrow().items()).extracting(ArticleListItem::title)
                .containsExactly("普通新闻");
        assertThat(content.listings.featured(news, 3)).extracting(ArticleListItem::id).containsExactly(featured);
        assertThat(content.listings.featured(null, 3)).extracting(ArticleListItem::id).containsExactly(featured);
        assertThat(content.listings.featured(content.column("policy").id(), 3)).isEmpty();
    }

    @Test
    void anArticleInTwoColumnsIsListedInBoth() {
        content.publish("d", "社会工作一周动态 (8.23-8.29)", START, "news", "weekly");
        assertThat(content.listing.latest(content.column("news").id(), 5)).hasSize(1);
        assertThat(content.listing.latest(content.column("weekly").id(), 5)).hasSize(1);
    }

    @Test
    void newerAndOlderFollowTheListingOrder() {
        long news = content.column("news").id();
        long first = content.publish("1", "最早", START, "news");
        long second = content.publish("2", "中间", START.plusSeconds(60), "news");
        long third = content.publish("3", "最新", START.plusSeconds(120), "news");
        Instant middle = START.plusSeconds(60);
        assertThat(content.listings.newer(news, middle, second)).map(ArticleListItem::id).contains(third);
        assertThat(content.listings.older(news, middle, second)).map(ArticleListItem::id).contains(first);
        assertThat(content.listings.newer(news, START.plusSeconds(120), third)).isEmpty();
        assertThat(content.listings.older(news, START, first)).isEmpty();
    }

    @Test
    void bothNeighboursInOneReadAgreeWithTheSeparateOnes() {
        long news = content.column("news").id();
        long first = content.publish("1", "最早", START, "news");
        long second = content.publish("2", "同时之一", START.plusSeconds(60), "news");
        long third = content.publish("3", "同时之二", START.plusSeconds(60), "news");
        long fourth = content.publish("4", "最新", START.plusSeconds(120), "news");
        Instant middle = START.plusSeconds(60);
        // Equal times are ordered by id: second, then third.
        var around = content.listings.neighbours(news, middle, second);
        assertThat(around.newer().id()).isEqualTo(third);
        assertThat(around.older().id()).isEqualTo(first);
        around = content.listings.neighbours(news, middle, third);
        assertThat(around.newer().id()).isEqualTo(fourth);
        assertThat(around.older().id()).isEqualTo(second);
        around = content.listings.neighbours(news, START.plusSeconds(120), fourth);
        assertThat(around.newer()).isNull();
        assertThat(around.older().id()).isEqualTo(third);
        around = content.listings.neighbours(news, START, first);
        assertThat(around.newer().id()).isEqualTo(second);
        assertThat(around.older()).isNull();
        assertThat(content.listings.neighbours(content.column("research").id(), middle, second))
                .isEqualTo(ListingRepository.Neighbours.NONE);
    }


    @Test
    void listItemsCarryTimesAtMicrosecondPrecisionAndChineseTextIntact() {
        Instant at = Instant.parse("2021-08-27T10:15:30.123456Z");
        content.publish("x", "“三社联动”😀 社工站 (浑南区) 占比达70%", at, "news");
        ArticleListItem item = content.listing.latest(content.column("news").id(), 1).get(0);
        assertThat(item.title()).isEqualTo("“三社联动”😀 社工站 (浑南区) 占比达70%");
        assertThat(item.publishedAt()).isEqualTo(at);
        assertThat(Times.listDate(item.publishedAt())).isEqualTo("2021-08-27");
    }
}
