package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * Page anchors follow changes without walking the column again, and every page stays exactly what a fresh OFFSET
 * query shows: random publishes (top and middle, ties on time), withdrawals, re-dated, re-featured and re-filed
 * articles, republications and bursts, on H2, PostgreSQL and MariaDB.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ColumnListingMaintenanceTest {

    @Parameter
    DatabaseTarget target;

    NewsroomDriver newsroom;
    long news;
    long weekly;

    @BeforeEach
    void setUp() {
        newsroom = new NewsroomDriver(TestDatabase.fresh(target), ColumnListing.REWALK_ABOVE);
        news = newsroom.column("news");
        weekly = newsroom.column("weekly");
    }

    @Test
    void randomChangesKeepEveryPageEqualToAFreshOffsetQueryWithoutWalkingAgain() {
        long seed = Long.getLong("shegong.test.seed", 20_250_301L + target.ordinal());
        Random random = new Random(seed);
        Instant[] newest = {newsroom.fill(random, 260, news, weekly)};
        newsroom.listing.page(news, 1);
        newsroom.listing.page(weekly, 1);
        for (int round = 0; round < 30; round++) {
            int changes = 1 + random.nextInt(10);
            for (int i = 0; i < changes; i++) {
                change(random, newest);
            }
            newsroom.drain(random, 8);
            String context = "seed " + seed + ", round " + round;
            newsroom.assertEveryPageAsFresh(news, context + ", 行业动态");
            newsroom.assertEveryPageAsFresh(weekly, context + ", 一周动态");
            assertThat(newsroom.fullWalksOf(news)).as(context + ": walks of the whole column").isEqualTo(1);
        }
    }

    @Test
    void aPublishAtTheTopShiftsEveryPageByOneWithoutAWalk() {
        Instant newest = newsroom.fill(new Random(1), 100, news, weekly);
        List<Long> before = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            newsroom.listing.page(news, page).orElseThrow().items().forEach(item -> before.add(item.id()));
        }
        long published = newsroom.publish(newest.plusSeconds(60), news);
        newsroom.drain(new Random(2), 1);

        List<Long> after = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            newsroom.listing.page(news, page).orElseThrow().items().forEach(item -> after.add(item.id()));
        }
        assertThat(after.get(0)).isEqualTo(published);
        assertThat(after.subList(1, after.size())).containsExactlyElementsOf(before);
        assertThat(newsroom.listing.page(news, 6).orElseThrow().items()).hasSize(1);
        assertThat(newsroom.fullWalksOf(news)).isEqualTo(1);
    }

    @Test
    void eventsWithoutListingRowsOrTouchingTooManyBlocksFallBackToOneWalk() {
        NewsroomDriver strict = new NewsroomDriver(newsroom.content.db, 2);
        Random random = new Random(3);
        Instant newest = strict.fill(random, 120, news, weekly);
        strict.listing.page(news, 1);
        // Three changes far apart in one batch touch three blocks: more than this listing recounts.
        List<Long> ids = new ArrayList<>(strict.saved.keySet());
        ids.sort(null);
        for (long id : List.of(ids.get(5), ids.get(60), ids.get(115))) {
            strict.withdraw(id);
        }
        strict.drain(random, 100);
        strict.assertEveryPageAsFresh(news, "after a batch touching three blocks");
        assertThat(strict.fullWalksOf(news)).isEqualTo(2);

        // An event written before events carried their rows (no payload): the column is walked again.
        strict.publish(newest.plusSeconds(60), news);
        newsroom.content.db.jdbc().sql("UPDATE outbox_event SET payload = NULL").update();
        strict.drain(random, 1);
        strict.assertEveryPageAsFresh(news, "after an event without payload");
        assertThat(strict.fullWalksOf(news)).isEqualTo(3);
    }

    private void change(Random random, Instant[] newest) {
        List<Long> ids = new ArrayList<>(newsroom.saved.keySet());
        ids.sort(null);
        long any = ids.get(random.nextInt(ids.size()));
        int dice = random.nextInt(100);
        if (dice < 35) {
            newest[0] = newest[0].plusSeconds(random.nextInt(3) * 30L); // sometimes the same time: a tie
            newsroom.publish(newest[0], columns(random));
        } else if (dice < 50) {
            newsroom.publish(timeWithin(random, newest[0], ids), columns(random));
        } else if (dice < 63) {
            if (newsroom.isListed(any)) {
                newsroom.withdraw(any);
            }
        } else if (dice < 73) {
            newsroom.update(any, timeWithin(random, newest[0], ids), false, cols(columns(random)), "改期");
        } else if (dice < 78) {
            ArticleInput was = newsroom.saved.get(any);
            newsroom.update(any, was.publishedAt(), !was.featured(), was.columnIds(), was.title());
        } else if (dice < 83) {
            ArticleInput was = newsroom.saved.get(any);
            newsroom.update(any, was.publishedAt(), false, cols(columns(random)), was.title());
        } else if (dice < 88) {
            ArticleInput was = newsroom.saved.get(any);
            newsroom.update(any, was.publishedAt(), was.featured(), was.columnIds(), was.title() + "（更新）");
        } else if (dice < 94) {
            if (newsroom.saved.get(any).status() == ArticleStatus.WITHDRAWN) {
                newsroom.republish(any);
            }
        } else if (dice < 97) {
            for (int i = 0; i < 45; i++) { // a burst at the top: more than two pages into the first block
                newest[0] = newest[0].plusSeconds(1);
                newsroom.publish(newest[0], news);
            }
        } else {
            int from = random.nextInt(Math.max(newsroom.offsetPage(news, 1).size(), 1));
            List<Long> stretch = new ArrayList<>();
            for (int page = 2; page <= 3; page++) {
                stretch.addAll(newsroom.offsetPage(news, page));
            }
            stretch.subList(Math.min(from, stretch.size()), Math.min(from + 25, stretch.size()))
                    .forEach(newsroom::withdraw); // a run of withdrawals: blocks empty and merge
        }
    }

    private long[] columns(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new long[] {weekly};
            case 1 -> new long[] {news, weekly};
            default -> new long[] {news};
        };
    }

    private static List<Long> cols(long[] ids) {
        return java.util.Arrays.stream(ids).boxed().toList();
    }

    /** A time between the oldest and the newest article, often exactly an existing article's (a tie). */
    private Instant timeWithin(Random random, Instant newest, List<Long> ids) {
        if (random.nextBoolean()) {
            return newsroom.saved.get(ids.get(random.nextInt(ids.size()))).publishedAt();
        }
        long span = Duration.between(NewsroomDriver.START, newest).toSeconds();
        return NewsroomDriver.START.plusSeconds((long) (random.nextDouble() * span));
    }
}
