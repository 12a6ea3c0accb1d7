package org.shegong.topic;

import java.util.List;

/** One 专题 in the back office: its fields and its curated articles. */
public record TopicEditView(Topic topic, TopicForm form, List<Item> items, String error, String notice) {

    public record Item(long articleId, String title) {
    }
}
