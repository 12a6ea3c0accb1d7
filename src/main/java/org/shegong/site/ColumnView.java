package org.shegong.site;

import org.shegong.system.web.Chrome;
import org.shegong.system.web.Pager;

import java.util.List;
import java.util.Map;
import org.shegong.region.Place;
import org.shegong.column.Column;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ListingPage;

public record ColumnView(Chrome chrome, Column column, List<Column> path, List<ArticleListItem> featured,
                         ListingPage listing, Pager pager, Map<Long, Place> places,
                         String canonicalUrl, ListingMarks marks) {
}
