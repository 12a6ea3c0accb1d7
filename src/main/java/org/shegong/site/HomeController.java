package org.shegong.site;

import org.shegong.system.web.ChromeFactory;

import java.util.ArrayList;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ColumnListing;
import org.shegong.content.FeaturedArticles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final int ITEMS_PER_BLOCK = 8;
    static final String DIGEST_COLUMN = "weekly";

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ColumnListing listing;
    private final FeaturedArticles featured;

    HomeController(ChromeFactory chrome, ColumnService columns, ColumnListing listing, FeaturedArticles featured) {
        this.chrome = chrome;
        this.columns = columns;
        this.listing = listing;
        this.featured = featured;
    }

    @GetMapping("/")
    String home(Model model) {
        List<HomeView.ColumnBlock> blocks = new ArrayList<>();
        for (Column column : columns.navigation()) {
            if (!column.slug().equals(DIGEST_COLUMN)) {
                blocks.add(new HomeView.ColumnBlock(column, listing.latest(column.id(), ITEMS_PER_BLOCK)));
            }
        }
        Column digestColumn = columns.bySlug(DIGEST_COLUMN).filter(Column::visible).orElse(null);
        ArticleListItem digest = digestColumn == null ? null
                : listing.latest(digestColumn.id(), 1).stream().findFirst().orElse(null);
        ArticleListItem top = featured.ofSite(1).stream().findFirst().orElse(null);
        model.addAttribute("view", new HomeView(chrome.chrome(null), top, blocks, digest, digestColumn));
        return "site/home";
    }
}
