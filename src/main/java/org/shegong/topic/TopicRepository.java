package org.shegong.topic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.shegong.system.Times;
import org.shegong.system.db.GeneratedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The only code that touches topic_slot_item, topic and topic_item. */
@Repository
class TopicRepository {

    private static final String TOPIC = "id, slug, title, banner_url, introduction, query_tag, query_keyword, visible, "
            + "updated_at";

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- slots

    List<SlotEntry> slot(Slot slot) {
        return jdbc.sql("SELECT id, article_id, position, image_url, caption FROM topic_slot_item WHERE slot = ? "
                        + "ORDER BY slot, position, id")
                .param(slot.name())
                .query((rs, n) -> new SlotEntry(rs.getLong(1), slot, rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    void addToSlot(Slot slot, long articleId, int position, String imageUrl, String caption, Instant now) {
        jdbc.sql("INSERT INTO topic_slot_item (slot, article_id, position, image_url, caption, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(slot.name(), articleId, position, imageUrl, caption, Times.toDb(now)).update();
    }

    boolean removeFromSlot(Slot slot, long entryId) {
        return jdbc.sql("DELETE FROM topic_slot_item WHERE slot = ? AND id = ?").params(slot.name(), entryId).update() == 1;
    }

    void positionSlotEntry(long entryId, int position) {
        jdbc.sql("UPDATE topic_slot_item SET position = ? WHERE id = ?").params(position, entryId).update();
    }

    // --- topics

    List<Topic> topics() {
        return jdbc.sql("SELECT " + TOPIC + " FROM topic ORDER BY updated_at DESC, id DESC").query(TopicRepository::topic)
                .list();
    }

    List<Topic> visibleTopics(int limit) {
        return jdbc.sql("SELECT " + TOPIC + " FROM topic WHERE visible = TRUE ORDER BY updated_at DESC, id DESC LIMIT ?")
                .param(limit).query(TopicRepository::topic).list();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql("SELECT " + TOPIC + " FROM topic WHERE id = ?").param(id).query(TopicRepository::topic).optional();
    }

    Optional<Topic> bySlug(String slug) {
        return jdbc.sql("SELECT " + TOPIC + " FROM topic WHERE slug = ?").param(slug).query(TopicRepository::topic)
                .optional();
    }

    long insert(TopicForm f, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO topic (slug, title, banner_url, introduction, query_tag, query_keyword, visible, created_at,
                  updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.slug(), f.title(), f.bannerUrl(), f.introduction(), f.queryTag(), f.queryKeyword(), f.visible(),
                        Times.toDb(now), Times.toDb(now))
                .update(keys, "id");
        return GeneratedKeys.id(keys);
    }

    void update(long id, TopicForm f, Instant now) {
        jdbc.sql("""
                UPDATE topic SET slug = ?, title = ?, banner_url = ?, introduction = ?, query_tag = ?, query_keyword = ?,
                  visible = ?, updated_at = ? WHERE id = ?""")
                .params(f.slug(), f.title(), f.bannerUrl(), f.introduction(), f.queryTag(), f.queryKeyword(), f.visible(),
                        Times.toDb(now), id)
                .update();
    }

    List<Long> items(long topicId) {
        return jdbc.sql("SELECT article_id FROM topic_item WHERE topic_id = ? ORDER BY topic_id, position, article_id")
                .param(topicId).query(Long.class).list();
    }

    void addItem(long topicId, long articleId, int position) {
        jdbc.sql("INSERT INTO topic_item (topic_id, article_id, position) VALUES (?, ?, ?)")
                .params(topicId, articleId, position).update();
    }

    boolean removeItem(long topicId, long articleId) {
        return jdbc.sql("DELETE FROM topic_item WHERE topic_id = ? AND article_id = ?").params(topicId, articleId)
                .update() == 1;
    }

    private static Topic topic(ResultSet rs, int n) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("banner_url"),
                rs.getString("introduction"), rs.getString("query_tag"), rs.getString("query_keyword"),
                rs.getBoolean("visible"), Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)));
    }
}
