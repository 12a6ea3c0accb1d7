package org.shegong.content;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Articles, bodies, item-type fields, tags, column listings, total and daily views in the site archive (docs/adr/0052). */
@Component
class ContentSitePart extends DeclaredPart {

    ContentSitePart() {
        super("content", 30,
                ExportTable.withId("tag"),
                ExportTable.withId("article"),
                ExportTable.keyedBy("article_views", "article_id"),
                ExportTable.keyedBy("article_body", "article_id"),
                ExportTable.keyedBy("article_fields", "article_id"),
                ExportTable.keyedBy("article_column", "article_id", "column_id"),
                ExportTable.keyedBy("article_tag", "article_id", "tag_id"),
                ExportTable.keyedBy("column_listing", "column_id", "published_at", "article_id"),
                ExportTable.keyedBy("article_daily_views", "view_day", "article_id"));
    }
}
