package org.shegong.site.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.PublicAddress;
import org.shegong.system.web.SiteUrls;
import org.shegong.system.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/** RSS 2.0 and Atom feeds of the newest live items, for the whole site and for each column; RSS for each region. */
@Controller
class FeedController {

    static final int ITEMS = 50;
    static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);
    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final PublishedRepository published;
    private final ColumnService columns;
    private final SiteProperties site;
    private final RegionDirectory regions;
    private final RegionTagging tagging;
    private final PublicAddress address;

    FeedController(PublishedRepository published, ColumnService columns, SiteProperties site, RegionDirectory regions,
                   RegionTagging tagging, PublicAddress address) {
        this.address = address;
        this.regions = regions;
        this.tagging = tagging;
        this.published = published;
        this.columns = columns;
        this.site = site;
    }

    @GetMapping(SiteUrls.RSS)
    ResponseEntity<String> siteRss(WebRequest request) {
        return respond(request, siteChannel(SiteUrls.RSS), true);
    }

    @GetMapping(SiteUrls.ATOM)
    ResponseEntity<String> siteAtom(WebRequest request) {
        return respond(request, siteChannel(SiteUrls.ATOM), false);
    }

    @GetMapping("/column/{slug}/rss.xml")
    ResponseEntity<String> columnRss(@PathVariable String slug, WebRequest request) {
        Column column = column(slug);
        return respond(request, columnChannel(column, SiteUrls.columnRss(column.slug())), true);
    }

    @GetMapping("/column/{slug}/atom.xml")
    ResponseEntity<String> columnAtom(@PathVariable String slug, WebRequest request) {
        Column column = column(slug);
        return respond(request, columnChannel(column, SiteUrls.columnAtom(column.slug())), false);
    }

    /** A province's (city's, county's) newest items, the places under it included. */
    @GetMapping("/region/{code}/rss.xml")
    ResponseEntity<String> regionRss(@PathVariable String code, WebRequest request) {
        Region region = regions.find(code).filter(Region::isAdministrative)
                .orElseThrow(() -> new NotFoundException("没有找到这个地区"));
        FeedChannel channel = channel(site.name() + " - " + region.name(), region.name() + "的社会工作动态",
                SiteUrls.region(region.code()), SiteUrls.regionRss(region.code()),
                published.liveInOrder(tagging.newest(region.code(), ITEMS)));
        return respond(request, channel, true);
    }

    private FeedChannel siteChannel(String path) {
        return channel(site.name(), site.name() + "：社会工作行业动态、政策法规、理论研究与联合会动态", SiteUrls.home(), path,
                published.latest(ITEMS));
    }

    private FeedChannel columnChannel(Column column, String path) {
        String description = column.description() == null ? column.name() : column.description();
        return channel(site.name() + " - " + column.name(), description, SiteUrls.column(column.slug()), path,
                published.latestOfColumn(column.id(), ITEMS));
    }

    private FeedChannel channel(String title, String description, String page, String self,
                                List<PublishedItem> items) {
        String base = address.current();
        return new FeedChannel(title, description, base + page, base + self, site.owner(), base, items,
                id -> columns.byId(id).map(Column::name).orElse(null));
    }

    private static ResponseEntity<String> respond(WebRequest request, FeedChannel channel, boolean rss) {
        String body = rss ? FeedWriter.rss(channel) : FeedWriter.atom(channel);
        return ConditionalXml.respond(request, rss ? RSS : ATOM, body, FeedWriter.lastChange(channel));
    }

    private Column column(String slug) {
        return columns.bySlug(slug).filter(Column::visible)
                .orElseThrow(() -> new NotFoundException("没有找到这个栏目"));
    }
}
