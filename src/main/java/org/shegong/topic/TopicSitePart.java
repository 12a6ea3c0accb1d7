package org.shegong.topic;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Home page slots and 专题 in the site archive (docs/adr/0052). */
@Component
class TopicSitePart extends DeclaredPart {

    TopicSitePart() {
        super("topic", 70,
                ExportTable.withId("topic"),
                ExportTable.withId("topic_slot_item"),
                ExportTable.keyedBy("topic_item", "topic_id", "article_id"));
    }
}
