package org.shegong.site.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.shegong.content.BodyHtml;
import org.shegong.content.PublishedItem;
import org.shegong.system.web.SiteUrls;
import org.shegong.system.Times;

/**
 * Writes RSS 2.0 and Atom 1.0 with a streaming XML writer, which escapes every text and attribute, so a
 * title with "&lt;" or "&amp;" can never break the document.
 */
final class FeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    /** RFC 822 dates as RSS 2.0 requires, with a four-digit year (RFC 1123), always in GMT. */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private FeedWriter() {
    }

    static String rss(FeedChannel channel) {
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeStartElement("channel");
            text(xml, "title", channel.title());
            text(xml, "link", channel.pageUrl());
            text(xml, "description", channel.description());
            text(xml, "language", "zh-cn");
            Instant updated = lastChange(channel);
            if (updated != null) {
                text(xml, "lastBuildDate", RFC_822.format(updated));
            }
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", channel.selfUrl());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (PublishedItem item : channel.items()) {
                String url = channel.baseUrl() + SiteUrls.article(item.id());
                xml.writeStartElement("item");
                text(xml, "title", item.title());
                text(xml, "link", url);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(url);
                xml.writeEndElement();
                text(xml, "pubDate", RFC_822.format(item.publishedAt()));
                // RSS descriptions are HTML: the plain-text summary is HTML-escaped, then XML-escaped by the writer.
                text(xml, "description", FeedItemType.imageHtml(item, channel.baseUrl())
                        + BodyHtml.escape(FeedItemType.period(item) + item.listSummary()));
                String column = channel.columnName().apply(item.primaryColumnId());
                if (column != null) {
                    text(xml, "category", column);
                }
                if (FeedItemType.category(item) != null) {
                    text(xml, "category", FeedItemType.category(item));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    static String atom(FeedChannel channel) {
        return write(xml -> {
            xml.setDefaultNamespace(ATOM_NS);
            xml.writeStartElement(ATOM_NS, "feed");
            xml.writeDefaultNamespace(ATOM_NS);
            xml.writeAttribute("xml:lang", "zh-CN");
            text(xml, "id", channel.selfUrl());
            text(xml, "title", channel.title());
            text(xml, "subtitle", channel.description());
            Instant updated = lastChange(channel);
            text(xml, "updated", Times.iso(updated == null ? Instant.EPOCH : updated));
            link(xml, "self", channel.selfUrl(), "application/atom+xml");
            link(xml, "alternate", channel.pageUrl(), "text/html");
            xml.writeStartElement("author");
            text(xml, "name", channel.author());
            text(xml, "uri", channel.baseUrl() + "/");
            xml.writeEndElement();
            for (PublishedItem item : channel.items()) {
                String url = channel.baseUrl() + SiteUrls.article(item.id());
                xml.writeStartElement("entry");
                text(xml, "id", url);
                text(xml, "title", item.title());
                text(xml, "published", Times.iso(item.publishedAt()));
                text(xml, "updated", Times.iso(latest(item)));
                link(xml, "alternate", url, "text/html");
                String column = channel.columnName().apply(item.primaryColumnId());
                if (column != null) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", XmlText.clean(column));
                }
                if (FeedItemType.category(item) != null) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", FeedItemType.category(item));
                }
                if (item.listImage() != null) {
                    link(xml, "enclosure", channel.baseUrl() + item.listImage(), FeedItemType.imageType(item));
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(XmlText.clean(FeedItemType.period(item) + item.listSummary()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** The newest publication or edit among the items: the feed's Last-Modified. */
    static Instant lastChange(FeedChannel channel) {
        return channel.items().stream().map(FeedWriter::latest).max(Instant::compareTo).orElse(null);
    }

    private static Instant latest(PublishedItem item) {
        Instant updated = item.updatedAt();
        return updated == null || updated.isBefore(item.publishedAt()) ? item.publishedAt() : updated;
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : XmlText.clean(value));
        xml.writeEndElement();
    }

    static String write(XmlBody body) {
        StringWriter out = new StringWriter(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return out.toString();
    }

    /** Streams a large document (an article sitemap) as UTF-8 instead of holding it in memory. */
    static void write(java.io.OutputStream out, XmlBody body) throws java.io.IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new java.io.IOException("Cannot write XML", e);
        }
    }

    /** The body of an XML document, written to a stream writer. */
    interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }
}
