package org.shegong.topic;

import java.util.List;
import org.shegong.content.PublishedItem;
import org.shegong.system.web.Chrome;

/** A public topic page: banner, introduction, the curated items, then those found by its tag or keyword. */
public record TopicView(Chrome chrome, Topic topic, List<PublishedItem> curated, List<PublishedItem> found,
                        String canonicalUrl) {

    public List<String> paragraphs() {
        return topic.introduction() == null ? List.of() : List.of(topic.introduction().split("\\n+"));
    }
}
