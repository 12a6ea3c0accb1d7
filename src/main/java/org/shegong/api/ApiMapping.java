package org.shegong.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Kind;
import org.shegong.content.PublishedItem;
import org.shegong.system.Times;
import org.shegong.system.web.SiteUrls;
import org.springframework.stereotype.Component;

/** Turns the features' records into the API's JSON records (names, times, links). */
@Component
class ApiMapping {

    private final ColumnService columns;

    ApiMapping(ColumnService columns) {
        this.columns = columns;
    }

    ApiJson.ArticleItem item(PublishedItem item) {
        return new ApiJson.ArticleItem(item.id(), item.title(), item.listSummary(), kind(item.kind()),
                item.kind().label(), slug(item.primaryColumnId()), time(item.publishedAt()), time(item.updatedAt()),
                item.source(), item.author(), SiteUrls.article(item.id()));
    }

    String slug(long columnId) {
        return columns.byId(columnId).map(Column::slug).orElse(null);
    }

    List<String> slugs(List<Long> columnIds) {
        return columnIds.stream().map(this::slug).filter(java.util.Objects::nonNull).toList();
    }

    static String kind(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(Times.CHINA).toOffsetDateTime();
    }
}
