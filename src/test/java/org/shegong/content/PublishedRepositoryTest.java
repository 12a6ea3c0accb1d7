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
import org.shegong.content.PublishedRepository.SitemapEntry;
import org.shegong.content.PublishedRepository.SitemapPage;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Feeds', sitemaps' and digests' reads of live articles, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class PublishedRepositoryTest {

    private static final Instant START = Instant.parse("2021-08-20T00:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    PublishedRepository published;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        published = new PublishedRepository(content.db.jdbc());
    }

    @Test
    void latestIncludesFeaturedItemsAndSkipsDraftsNewestFirst() {
        long a = content.publish("a", "甲", START, "news");
        long featured = content.publish("f", "置顶", START.plusSeconds(10), true, null, List.of(), "news");
        long b = content.publish("b", "乙", START.plusSeconds(20), "news", "policy");
        long draft = content.publish("d", "草稿", START.plusSeconds(30), "news");
        content.db.jdbc().sql("UPDATE article SET status = 'DRAFT' WHERE id = ?").param(draft).update();

        assertThat(published.latest(10)).extracting(PublishedItem::id).containsExactly(b, featured, a);
        assertThat(published.latest(2)).extracting(PublishedItem::id).containsExactly(b, featured);
        long news = content.column("news").id();
        assertThat(published.latestOfColumn(news, 10)).extracting(PublishedItem::id).containsExactly(b, featured, a);
        assertThat(published.latestOfColumn(news, 2)).extracting(PublishedItem::id).containsExactly(b, featured);
        assertThat(published.latestOfColumn(content.column("policy").id(), 10)).extracting(PublishedItem::id)
                .containsExactly(b);
        PublishedItem item = published.latest(1).get(0);
        assertThat(item.title()).isEqualTo("乙");
        assertThat(item.listSummary()).isNotBlank();
        assertThat(item.updatedAt()).isNotNull();
    }

    @Test
    void pictureFallbackLooksOnlyAmongTheNewestLiveArticles() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(content.publish("p" + i, "图" + i, START.plusSeconds(i), "news"));
        }
        content.db.jdbc().sql("UPDATE article SET list_image = '/media/1/x.jpg' WHERE id IN (?, ?)")
                .params(ids.get(0), ids.get(3)).update();
        assertThat(published.latestWithImage(6)).extracting(PublishedItem::id).containsExactly(ids.get(3), ids.get(0));
        assertThat(new PublishedRepository(content.db.jdbc(), 3).latestWithImage(6)).extracting(PublishedItem::id)
                .as("the oldest is not among the newest three").containsExactly(ids.get(3));
    }

    @Test
    void publishedBetweenIsHalfOpenAndPerColumn() {
        long news = content.column("news").id();
        long before = content.publish("1", "之前", START.minusNanos(1000), "news");
        long first = content.publish("2", "起点", START, "news");
        long last = content.publish("3", "终点前", START.plus(Duration.ofDays(7)).minusNanos(1000), "news");
        long after = content.publish("4", "终点", START.plus(Duration.ofDays(7)), "news");
        content.publish("5", "别的栏目", START.plusSeconds(5), "policy");
        assertThat(published.publishedBetween(news, START, START.plus(Duration.ofDays(7)), 10))
                .extracting(PublishedItem::id).containsExactly(last, first).doesNotContain(before, after);
        assertThat(published.publishedSince(START.plus(Duration.ofDays(7)), 10)).extracting(PublishedItem::id)
                .containsExactly(after);
    }

    @Test
    void sitemapPagesCoverEveryLiveArticleOnceByKeyset() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(content.publish("s" + i, "文章" + i, START.plusSeconds(i), "news"));
        }
        content.db.jdbc().sql("UPDATE article SET status = 'WITHDRAWN' WHERE id = ?").param(ids.remove(5)).update();

        List<SitemapPage> pages = published.sitemapPages(5);
        assertThat(pages).hasSize(5);
        assertThat(pages).extracting(SitemapPage::count).containsExactly(5L, 5L, 5L, 5L, 2L);
        List<Long> listed = new ArrayList<>();
        for (SitemapPage page : pages) {
            List<SitemapEntry> entries = published.sitemapPage(page.firstId() - 1, 5);
            assertThat(entries.get(entries.size() - 1).id()).isEqualTo(page.lastId());
            assertThat(page.lastModified()).isNotNull();
            entries.forEach(e -> listed.add(e.id()));
        }
        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(published.sitemapPages(50_000)).hasSize(1);
    }

    @Test
    void noLiveArticlesMeansNoSitemapPages() {
        assertThat(published.sitemapPages(10)).isEmpty();
        assertThat(published.latest(50)).isEmpty();
    }
}
