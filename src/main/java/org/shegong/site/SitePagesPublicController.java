package org.shegong.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.sitepage.SitePage;
import org.shegong.sitepage.SitePageService;
import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.SiteUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Single pages (关于我们, 联系我们 …) and the sitemap for people (网站地图). */
@Controller
class SitePagesPublicController {

    private final ChromeFactory chrome;
    private final SitePageService pages;
    private final ColumnService columns;

    SitePagesPublicController(ChromeFactory chrome, SitePageService pages, ColumnService columns) {
        this.chrome = chrome;
        this.pages = pages;
        this.columns = columns;
    }

    @GetMapping("/page/{slug}")
    String page(@PathVariable String slug, Model model) {
        SitePage page = pages.bySlug(slug).orElseThrow(() -> new NotFoundException("没有找到这个页面"));
        Chrome pageChrome = chrome.chrome(null);
        model.addAttribute("view", new SitePageView(pageChrome, page, pageChrome.baseUrl() + SiteUrls.page(slug)));
        return "site/page";
    }

    @GetMapping(SiteUrls.SITEMAP_PAGE)
    String sitemap(Model model) {
        Chrome pageChrome = chrome.chrome(null);
        model.addAttribute("view", new SitemapView(pageChrome, tree(columns.visibleChildren(), columns.navigation(), 0),
                pages.all()));
        return "site/sitemap";
    }

    private static List<SitemapView.Node> tree(Map<Long, List<Column>> children, List<Column> level, int depth) {
        List<SitemapView.Node> nodes = new ArrayList<>();
        for (Column column : level) {
            nodes.add(new SitemapView.Node(column, depth >= 8 ? List.of()
                    : tree(children, children.getOrDefault(column.id(), List.of()), depth + 1)));
        }
        return nodes;
    }
}
