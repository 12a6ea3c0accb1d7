package org.shegong.site;

import org.shegong.system.web.Chrome;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.content.ArticleListItem;

public record HomeView(Chrome chrome, ArticleListItem featured, List<ColumnBlock> blocks, ArticleListItem digest,
                       Column digestColumn, PopularBlock popular) {

    /** A column's newest items on the home page. */
    public record ColumnBlock(Column column, List<ArticleListItem> items) {
    }
}
