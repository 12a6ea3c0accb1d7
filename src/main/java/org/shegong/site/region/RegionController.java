package org.shegong.site.region;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shegong.content.ListingPage;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.region.RegionListing;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.PageNumbers;
import org.shegong.system.web.Pager;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * 地区 for readers: the map of China with the provinces listed beside it, and a page per province, city and
 * county with the places below it and its items, paged by keyset like a column (ADR 0040).
 */
@Controller
class RegionController {

    /** "Recent" on the map: the year before the newest item, so a quiet site's map is not blank. */
    static final Duration WINDOW = Duration.ofDays(365);

    private final ChromeFactory chrome;
    private final RegionDirectory directory;
    private final RegionListing listing;
    private final RegionTagging tagging;
    private final PublishedRepository published;
    private final TileMap map;

    RegionController(ChromeFactory chrome, RegionDirectory directory, RegionListing listing, RegionTagging tagging,
                     PublishedRepository published) {
        this.chrome = chrome;
        this.directory = directory;
        this.listing = listing;
        this.tagging = tagging;
        this.published = published;
        this.map = TileMap.load(directory);
    }

    @GetMapping("/region")
    String map(Model model) {
        Instant to = published.latest(1).stream().map(PublishedItem::publishedAt).findFirst().orElse(Instant.EPOCH);
        Instant from = to.minus(WINDOW);
        Map<String, Long> counts = listing.countsSince(map.codes(), from);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Chrome pageChrome = chrome.chrome(null);
        List<TileMap.Tile> tiles = map.tiles(counts);
        List<TileMap.Tile> list = tiles.stream()
                .sorted(java.util.Comparator.comparing((TileMap.Tile t) -> t.region().code())).toList();
        model.addAttribute("view", new RegionMapView(pageChrome, tiles, list, map.width(), map.height(),
                TileMap.legend(max), from, to, pageChrome.baseUrl() + SiteUrls.regions()));
        return "site/regions";
    }

    @GetMapping("/region/{code}")
    Object firstPage(@PathVariable String code, @RequestParam(name = "page", required = false) String page,
                     Model model) {
        if (page != null) {
            RedirectView redirect = new RedirectView(SiteUrls.regionPage(region(code).code(), PageNumbers.parse(page)));
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return redirect;
        }
        return render(code, 1, model);
    }

    @GetMapping("/region/{code}/page/{page}")
    String page(@PathVariable String code, @PathVariable String page, Model model) {
        return render(code, PageNumbers.parse(page), model);
    }

    private String render(String code, int page, Model model) {
        Region region = region(code);
        ListingPage items = listing.page(region.code(), page)
                .orElseThrow(() -> new NotFoundException("「" + region.name() + "」没有第 " + page + " 页"));
        List<Region> below = directory.children(region.code());
        Map<String, Long> counts = listing.countsSince(below.stream().map(Region::code).toList(), Instant.EPOCH);
        List<RegionPageView.Child> children = new ArrayList<>();
        below.forEach(child -> children.add(new RegionPageView.Child(child, counts.getOrDefault(child.code(), 0L))));
        Chrome pageChrome = chrome.chrome(null);
        model.addAttribute("view", new RegionPageView(pageChrome, region, directory.chain(region.code()), children,
                items, Pager.of(n -> SiteUrls.regionPage(region.code(), n), page, items.pages()),
                tagging.primaries(items.items().stream().map(i -> i.id()).toList()),
                pageChrome.baseUrl() + SiteUrls.regionPage(region.code(), page)));
        return "site/region";
    }

    /** A province, city or county; 全国 and the macro-regions have no page (they are not places one lists). */
    private Region region(String code) {
        return directory.find(code).filter(Region::isAdministrative)
                .orElseThrow(() -> new NotFoundException("没有找到这个地区"));
    }
}
