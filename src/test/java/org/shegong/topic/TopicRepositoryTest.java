package org.shegong.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.content.ContentFixture;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Slots, topics and the live reads they need, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class TopicRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @Parameter
    DatabaseTarget target;

    ContentFixture content;
    TopicRepository topics;
    PublishedRepository published;

    @BeforeEach
    void setUp() {
        content = new ContentFixture(TestDatabase.fresh(target));
        topics = new TopicRepository(content.db.jdbc());
        published = new PublishedRepository(content.db.jdbc());
    }

    @Test
    void slotsKeepTheirOrderAndOnlyLiveArticlesAreRead() {
        long a = content.publish("a", "甲", NOW, "news");
        long b = content.publish("b", "乙", NOW.plusSeconds(1), "news");
        long c = content.publish("c", "丙", NOW.plusSeconds(2), "news");
        topics.addToSlot(Slot.PHOTO, b, 0, "https://img.example.org/b.jpg", "说明", NOW);
        topics.addToSlot(Slot.PHOTO, a, 1, null, null, NOW);
        topics.addToSlot(Slot.HEADLINE, c, 0, null, null, NOW);
        List<SlotEntry> photos = topics.slot(Slot.PHOTO);
        assertThat(photos).extracting(SlotEntry::articleId).containsExactly(b, a);
        assertThat(photos.get(0).imageUrl()).isEqualTo("https://img.example.org/b.jpg");
        topics.positionSlotEntry(photos.get(0).id(), 2);
        assertThat(topics.slot(Slot.PHOTO)).extracting(SlotEntry::articleId).containsExactly(a, b);
        assertThat(topics.removeFromSlot(Slot.HEADLINE, photos.get(0).id())).isFalse();
        assertThat(topics.removeFromSlot(Slot.PHOTO, photos.get(0).id())).isTrue();

        content.db.jdbc().sql("UPDATE article SET status = 'WITHDRAWN' WHERE id = ?").param(b).update();
        assertThat(published.liveInOrder(List.of(c, b, a))).extracting(PublishedItem::id).containsExactly(c, a);
        assertThat(published.liveInOrder(List.of())).isEmpty();
    }

    @Test
    void topicsKeepTheirFieldsAndCuratedItemsAndTaggedItemsAreNewestFirst() {
        long id = topics.insert(new TopicForm("flood", "防汛救灾", "/media/b.jpg", "导语", "防汛", null, true), NOW);
        topics.insert(new TopicForm("hidden", "隐藏专题", null, null, null, "社工", false), NOW.plusSeconds(1));
        assertThat(topics.bySlug("flood").orElseThrow().bannerUrl()).isEqualTo("/media/b.jpg");
        assertThat(topics.visibleTopics(10)).extracting(Topic::slug).containsExactly("flood");
        assertThat(topics.topics()).extracting(Topic::slug).containsExactly("hidden", "flood");
        topics.update(id, new TopicForm("flood-relief", "防汛救灾 社工在行动", null, "新导语", "防汛", "抗洪", true),
                NOW.plusSeconds(5));
        Topic updated = topics.find(id).orElseThrow();
        assertThat(updated.slug()).isEqualTo("flood-relief");
        assertThat(updated.queryKeyword()).isEqualTo("抗洪");
        assertThat(updated.bannerUrl()).isNull();

        long older = content.publish("o", "较早", NOW, false, null, List.of("防汛"), "news");
        long newer = content.publish("n", "较新", NOW.plusSeconds(60), false, null, List.of("防汛", "社工站"), "news");
        content.publish("x", "无关", NOW.plusSeconds(90), false, null, List.of("养老"), "news");
        assertThat(published.latestTagged("防汛", 10)).extracting(PublishedItem::id).containsExactly(newer, older);
        assertThat(published.latestTagged("防汛", 1)).extracting(PublishedItem::id).containsExactly(newer);
        assertThat(published.latestTagged("没有这个标签", 10)).isEmpty();

        topics.addItem(id, newer, 0);
        topics.addItem(id, older, 1);
        assertThat(topics.items(id)).containsExactly(newer, older);
        assertThat(topics.removeItem(id, newer)).isTrue();
        assertThat(topics.items(id)).containsExactly(older);
    }
}
