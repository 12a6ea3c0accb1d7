package org.shegong.site;

import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.PageNumbers;
import org.shegong.system.web.Pager;
import org.shegong.system.web.SiteUrls;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleListItem;
import org.shegong.content.ColumnListing;
import org.shegong.content.FeaturedArticles;
import org.shegong.content.ListingPage;
import org.shegong.region.RegionTagging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class ColumnController {

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ColumnListing listing;
    private final FeaturedArticles featured;
    private final ListingMarks marks;
    private final RegionTagging regions;

    ColumnController(ChromeFactory chrome, ColumnService columns, ColumnListing listing, FeaturedArticles featured,
                     ListingMarks marks, RegionTagging regions) {
        this.marks = marks;
        this.regions = regions;
        this.chrome = chrome;
        this.columns = columns;
        this.listing = listing;
        this.featured = featured;
    }

    @GetMapping("/column/{slug}")
    Object firstPage(@PathVariable String slug, @RequestParam(name = "page", required = false) String page,
                     Model model) {
        if (page != null) {
            // ?page=N is what people type; the canonical form is the path, so caches see one URL per page.
            RedirectView redirect = new RedirectView(SiteUrls.columnPage(column(slug).slug(), PageNumbers.parse(page)));
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return redirect;
        }
        return render(slug, 1, model);
    }

    @GetMapping("/column/{slug}/page/{page}")
    String page(@PathVariable String slug, @PathVariable String page, Model model) {
        return render(slug, PageNumbers.parse(page), model);
    }

    private String render(String slug, int page, Model model) {
        Column column = column(slug);
        ListingPage listingPage = listing.page(column.id(), page)
                .orElseThrow(() -> new NotFoundException("栏目「" + column.name() + "」没有第 " + page + " 页"));
        List<ArticleListItem> top = page == 1 ? featured.ofColumn(column.id(), 3) : List.of();
        Chrome pageChrome = chrome.chrome(columns.path(column).get(0).slug());
        model.addAttribute("view", new ColumnView(pageChrome, column, columns.path(column), top, listingPage,
                Pager.of(column.slug(), page, listingPage.pages()),
                regions.primaries(listingPage.items().stream().map(ArticleListItem::id).toList()),
                pageChrome.baseUrl() + SiteUrls.columnPage(column.slug(), page), marks));
        return "site/column";
    }

    private Column column(String slug) {
        return columns.bySlug(slug).filter(Column::visible)
                .orElseThrow(() -> new NotFoundException("没有找到这个栏目"));
    }
}
