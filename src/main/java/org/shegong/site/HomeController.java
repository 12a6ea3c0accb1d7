package org.shegong.site;

import org.shegong.system.web.ChromeFactory;

import java.util.ArrayList;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ColumnListing;
import org.shegong.content.FeaturedArticles;
import org.shegong.content.PopularArticles;
import org.shegong.content.PopularArticles.Window;
import org.springframework.beans.factory.ObjectProvider;
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
    private final PopularArticles popular;
    private final ObjectProvider<HomeSlots> slots;

    HomeController(ChromeFactory chrome, ColumnService columns, ColumnListing listing, FeaturedArticles featured,
                   PopularArticles popular, ObjectProvider<HomeSlots> slots) {
        this.popular = popular;
        this.chrome = chrome;
        this.columns = columns;
        this.listing = listing;
        this.featured = featured;
        this.slots = slots;
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
        model.addAttribute("view", new HomeView(chrome.chrome(null), top, blocks, digest, digestColumn,
                new PopularBlock("热门排行", popular.site(Window.WEEK, PopularBlock.SHOWN),
                        popular.site(Window.MONTH, PopularBlock.SHOWN))));
        model.addAttribute("slots", slots.stream().findFirst().map(HomeSlots::content).orElse(null));
        return "site/home";
    }
}
