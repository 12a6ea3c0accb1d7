package org.shegong.site;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.sitepage.SitePage;
import org.shegong.system.web.Chrome;

/** The sitemap for people: the visible column tree and the single pages. */
public record SitemapView(Chrome chrome, List<Node> columns, List<SitePage> pages) {

    /** A column and its visible sub-columns. */
    public record Node(Column column, List<Node> children) {
    }
}
