package org.shegong.site.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.content.PublishedRepository.SitemapEntry;
import org.shegong.content.PublishedRepository.SitemapPage;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.PublicAddress;
import org.shegong.system.web.SiteUrls;
import org.shegong.system.SiteProperties;
import org.shegong.system.Times;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The sitemap index, a sitemap of the home and column pages, article sitemaps of at most 50,000 URLs paged
 * by id (keyset), a Google News sitemap of the last two days, and robots.txt pointing at the index.
 */
@Controller
class SitemapController {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    /** Google reads at most 1,000 URLs from a news sitemap. */
    static final int NEWS_LIMIT = 1_000;
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PublishedRepository published;
    private final SitemapPages sitemapPages;
    private final ColumnService columns;
    private final SiteProperties site;
    private final Clock clock;
    private final PublicAddress address;

    SitemapController(PublishedRepository published, SitemapPages sitemapPages, ColumnService columns,
                      SiteProperties site, Clock clock, PublicAddress address) {
        this.address = address;
        this.published = published;
        this.sitemapPages = sitemapPages;
        this.columns = columns;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping(SiteUrls.SITEMAP_INDEX)
    ResponseEntity<String> index(WebRequest request) {
        List<SitemapPage> pages = sitemapPages.pages();
        Instant newest = pages.stream().map(SitemapPage::lastModified).max(Instant::compareTo).orElse(null);
        String body = FeedWriter.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "sitemapindex");
            xml.writeDefaultNamespace(NS);
            sitemap(xml, "/sitemap-pages.xml", newest);
            if (!published.publishedSince(clock.instant().minus(NEWS_WINDOW), 1).isEmpty()) {
                // An empty urlset is not valid per the schema, so an idle news sitemap is not announced.
                sitemap(xml, "/sitemap-news.xml", null);
            }
            for (int i = 0; i < pages.size(); i++) {
                sitemap(xml, "/sitemap-articles-" + (i + 1) + ".xml", pages.get(i).lastModified());
            }
            xml.writeEndElement();
        });
        return ConditionalXml.respond(request, XML, body, null);
    }

    @GetMapping("/sitemap-pages.xml")
    ResponseEntity<String> pages(WebRequest request) {
        String body = FeedWriter.write(xml -> {
            urlset(xml, false);
            url(xml, SiteUrls.home(), null);
            for (Column column : columns.navigation()) {
                url(xml, SiteUrls.column(column.slug()), null);
            }
            xml.writeEndElement();
        });
        return ConditionalXml.respond(request, XML, body, null);
    }

    /**
     * An article sitemap of up to 50,000 URLs (several MB) is streamed to the client rather than built in
     * memory; its validators come from the page's range, so a revalidation costs no document at all.
     */
    @GetMapping("/sitemap-articles-{page}.xml")
    void articles(@PathVariable String page, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        List<SitemapPage> pages = sitemapPages.pages();
        int number = page.isEmpty() || page.length() > 6 || !page.chars().allMatch(Character::isDigit) ? 0
                : Integer.parseInt(page);
        if (number < 1 || number > pages.size()) {
            throw new NotFoundException("没有这个站点地图");
        }
        SitemapPage range = pages.get(number - 1);
        // The range, size and newest change identify the content: a withdrawal changes the count, a
        // publication or an edit the newest change.
        String etag = ConditionalXml.etagOf(address.current(), String.valueOf(range.firstId()),
                String.valueOf(range.lastId()), String.valueOf(range.count()), String.valueOf(range.lastModified()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, ConditionalXml.CACHE.getHeaderValue());
        if (request.checkNotModified(etag, range.lastModified().toEpochMilli())) {
            return;
        }
        List<SitemapEntry> entries = published.sitemapPage(range.firstId() - 1, sitemapPages.pageSize());
        response.setContentType(XML.toString());
        FeedWriter.write(response.getOutputStream(), xml -> {
            urlset(xml, false);
            for (SitemapEntry entry : entries) {
                if (entry.id() > range.lastId()) {
                    break;
                }
                url(xml, SiteUrls.article(entry.id()), entry.updatedAt());
            }
            xml.writeEndElement();
        });
    }

    @GetMapping("/sitemap-news.xml")
    ResponseEntity<String> news(WebRequest request) {
        List<PublishedItem> items = published.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
        String body = FeedWriter.write(xml -> {
            urlset(xml, true);
            for (PublishedItem item : items) {
                xml.writeStartElement(NS, "url");
                FeedWriter.text(xml, "loc", address.current() + SiteUrls.article(item.id()));
                xml.writeStartElement("news", "news", NEWS_NS);
                xml.writeStartElement("news", "publication", NEWS_NS);
                newsText(xml, "name", site.name());
                newsText(xml, "language", "zh-cn");
                xml.writeEndElement();
                newsText(xml, "publication_date", Times.iso(item.publishedAt()));
                newsText(xml, "title", item.title());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
        return ConditionalXml.respond(request, XML, body, null);
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(WebRequest request) {
        String body = """
                User-agent: *
                Disallow: /admin/
                Disallow: /newsletter/
                Allow: /

                Sitemap: %s%s
                """.formatted(address.current(), SiteUrls.SITEMAP_INDEX);
        return ConditionalXml.respond(request, TEXT, body, null);
    }

    private void urlset(XMLStreamWriter xml, boolean news) throws XMLStreamException {
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "urlset");
        xml.writeDefaultNamespace(NS);
        if (news) {
            xml.writeNamespace("news", NEWS_NS);
        }
    }

    private void sitemap(XMLStreamWriter xml, String path, Instant lastModified) throws XMLStreamException {
        located(xml, "sitemap", path, lastModified);
    }

    private void url(XMLStreamWriter xml, String path, Instant lastModified) throws XMLStreamException {
        located(xml, "url", path, lastModified);
    }

    /** A sitemap's {@code <url>} or an index's {@code <sitemap>}: an absolute loc and an optional lastmod. */
    private void located(XMLStreamWriter xml, String element, String path, Instant lastModified)
            throws XMLStreamException {
        xml.writeStartElement(NS, element);
        FeedWriter.text(xml, "loc", address.current() + path);
        if (lastModified != null) {
            FeedWriter.text(xml, "lastmod", Times.iso(lastModified));
        }
        xml.writeEndElement();
    }

    private static void newsText(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS_NS);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }
}
