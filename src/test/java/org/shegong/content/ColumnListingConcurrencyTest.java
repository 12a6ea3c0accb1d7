package org.shegong.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ListingRepository.Anchor;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/**
 * Readers paging through a column while it changes and its anchors are recounted never get a broken page: each
 * page is twenty distinct items in listing order, a stretch of the listing with no item skipped inside it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ColumnListingConcurrencyTest {

    private static final int STABLE = 300;

    @Parameter
    DatabaseTarget target;

    @Test
    void pagesReadDuringChangesAreUnbrokenStretchesOfTheListing() throws InterruptedException {
        NewsroomDriver newsroom = new NewsroomDriver(TestDatabase.fresh(target), ColumnListing.REWALK_ABOVE);
        long news = newsroom.column("news");
        Random random = new Random(5);
        // Articles on whole minutes that never change; the churn goes between them, on the half minute.
        Map<Long, Integer> stableRank = new HashMap<>();
        for (int i = 0; i < STABLE; i++) {
            stableRank.put(newsroom.publish(NewsroomDriver.START.plusSeconds(60L * i), news), STABLE - 1 - i);
        }
        newsroom.drain(random, 500);
        newsroom.listing.page(news, 1);

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger pagesRead = new AtomicInteger();
        Queue<String> broken = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Random pick = new Random(r);
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    // Pages well inside the stable articles: always full, whatever the churn does.
                    int page = 1 + pick.nextInt(STABLE / ColumnListing.PAGE_SIZE - 2);
                    List<ArticleListItem> items = newsroom.listing.page(news, page).orElseThrow().items();
                    String problem = problem(items, stableRank);
                    if (problem != null) {
                        broken.add("page " + page + ": " + problem);
                    }
                    pagesRead.incrementAndGet();
                }
            });
            reader.start();
            readers.add(reader);
        }
        List<Long> churn = new ArrayList<>();
        try {
            for (int op = 0; op < 80; op++) {
                int dice = random.nextInt(100);
                if (dice < 60 || churn.isEmpty()) {
                    Instant at = NewsroomDriver.START.plusSeconds(60L * random.nextInt(STABLE + 20) + 30);
                    churn.add(newsroom.publish(at, news));
                } else if (dice < 85) {
                    newsroom.withdraw(churn.remove(random.nextInt(churn.size())));
                } else {
                    long id = churn.get(random.nextInt(churn.size()));
                    Instant at = NewsroomDriver.START.plusSeconds(60L * random.nextInt(STABLE) + 30);
                    newsroom.update(id, at, false, List.of(news), "改期");
                }
                newsroom.drain(random, 3);
            }
        } finally {
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertThat(broken).isEmpty();
        assertThat(pagesRead.get()).isGreaterThan(100);
        newsroom.assertEveryPageAsFresh(news, "after the changes");
        assertThat(newsroom.fullWalksOf(news)).isEqualTo(1);
    }

    /** What is wrong with a page, or null. */
    private static String problem(List<ArticleListItem> items, Map<Long, Integer> stableRank) {
        if (items.size() != ColumnListing.PAGE_SIZE) {
            return items.size() + " items";
        }
        if (new HashSet<>(items.stream().map(ArticleListItem::id).toList()).size() != items.size()) {
            return "an item twice";
        }
        Integer previousRank = null;
        for (int i = 0; i < items.size(); i++) {
            ArticleListItem item = items.get(i);
            if (i > 0 && !PageAnchors.listedBefore(anchor(items.get(i - 1)), anchor(item))) {
                return "out of order at " + i;
            }
            Integer rank = stableRank.get(item.id());
            if (rank != null) {
                if (previousRank != null && rank != previousRank + 1) {
                    return "skips stable articles between ranks " + previousRank + " and " + rank;
                }
                previousRank = rank;
            }
        }
        return null;
    }

    private static Anchor anchor(ArticleListItem item) {
        return new Anchor(item.publishedAt(), item.id());
    }
}
