package org.shegong.content.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0-1.2, an RSS file with the wp:, content:, excerpt: and dc: namespaces) with
 * StAX, one {@code <item>} in memory at a time, so a file of any size reads in little heap. DTDs and external
 * entities are refused outright (WordPress never writes a DOCTYPE; one in an import file can only be an XXE or
 * entity-expansion attempt). Two passes: {@link #scan} checks the whole file and collects what posts refer to
 * from elsewhere in it (authors, categories, attachments, which may come after the post that uses them);
 * {@link #read} then hands over the items.
 */
final class WxrReader {

    /** A field longer than this (characters) is cut off and the item refused, so no text can exhaust the heap. */
    static final int MAX_TEXT = 4_000_000;
    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final XMLInputFactory FACTORY = factory();

    private WxrReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** Checks the whole file and collects the site's authors, categories and attachments. */
    static WxrSite scan(InputStream in) throws WxrFormatException {
        WxrSite site = new WxrSite();
        parse(in, site, site::count);
        if (site.wxrVersion() == null) {
            throw new WxrFormatException("不是 WordPress 导出文件（WXR）：缺少 wp:wxr_version（请在 WordPress 后台"
                    + "“工具 → 导出”中导出）");
        }
        return site;
    }

    /** Hands over every item in file order; the file was checked by {@link #scan}. */
    static void read(InputStream in, Consumer<WxrPost> items) throws WxrFormatException {
        parse(in, null, items);
    }

    private static void parse(InputStream in, WxrSite site, Consumer<WxrPost> items) throws WxrFormatException {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            int number = 0;
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new WxrFormatException("第 " + line(xml) + " 行: 文件含 DOCTYPE/DTD，WordPress 导出文件不会有；"
                            + "为安全起见不予读取");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root) {
                    root = false;
                    if (!name.equals("rss")) {
                        throw new WxrFormatException("不是 WordPress 导出文件（WXR）：根元素是 <" + name + ">，应为 <rss>");
                    }
                } else if (name.equals("item") && ns(xml).isEmpty()) {
                    items.accept(item(xml, ++number));
                } else if (site != null && isWp(xml)) {
                    channel(xml, site);
                }
            }
        } catch (XMLStreamException e) {
            throw new WxrFormatException(describe(e));
        } finally {
            close(xml);
        }
    }

    /** The channel's own wp: elements: version, base address, authors, categories. */
    private static void channel(XMLStreamReader xml, WxrSite site) throws XMLStreamException {
        switch (xml.getLocalName()) {
            case "wxr_version" -> site.wxrVersion(text(xml));
            case "base_site_url" -> site.baseSiteUrl(text(xml));
            case "base_blog_url" -> site.baseBlogUrl(text(xml));
            case "author" -> {
                String[] fields = children(xml, "author_login", "author_display_name");
                site.author(fields[0], fields[1]);
            }
            case "category" -> {
                String[] fields = children(xml, "category_nicename", "cat_name", "category_parent");
                site.category(fields[0], fields[1], fields[2]);
            }
            default -> {
                // tags, terms and the rest are read from the items that use them
            }
        }
    }

    private static WxrPost item(XMLStreamReader xml, int number) throws XMLStreamException {
        WxrPost.Builder post = new WxrPost.Builder(number, line(xml));
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item") && ns(xml).isEmpty()) {
                return post.build();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = ns(xml);
            if (ns.isEmpty() && name.equals("title")) {
                post.title = limited(xml, post);
            } else if (ns.isEmpty() && name.equals("category")) {
                String domain = xml.getAttributeValue(null, "domain");
                String nicename = xml.getAttributeValue(null, "nicename");
                post.term(domain, nicename, text(xml));
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                post.content = limited(xml, post);
            } else if (ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                post.excerpt = limited(xml, post);
            } else if (ns.equals(DC) && name.equals("creator")) {
                post.creator = text(xml);
            } else if (ns.startsWith(WP)) {
                wpField(xml, name, post);
            } else {
                skip(xml);
            }
        }
        throw new XMLStreamException("文件在第 " + number + " 项中途结束");
    }

    private static void wpField(XMLStreamReader xml, String name, WxrPost.Builder post) throws XMLStreamException {
        switch (name) {
            case "post_id" -> post.postId = text(xml);
            case "post_date" -> post.postDate = text(xml);
            case "post_date_gmt" -> post.postDateGmt = text(xml);
            case "status" -> post.status = text(xml);
            case "post_type" -> post.type = text(xml);
            case "is_sticky" -> post.sticky = "1".equals(text(xml));
            case "attachment_url" -> post.attachmentUrl = text(xml);
            case "postmeta" -> {
                String[] meta = children(xml, "meta_key", "meta_value");
                post.meta(meta[0], meta[1]);
            }
            default -> skip(xml);
        }
    }

    /** The text of the wp: children named, in that order, of the element the reader is on. */
    private static String[] children(XMLStreamReader xml, String... names) throws XMLStreamException {
        String[] values = new String[names.length];
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                int index = List.of(names).indexOf(xml.getLocalName());
                if (index >= 0) {
                    values[index] = text(xml);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return values;
    }

    private static String limited(XMLStreamReader xml, WxrPost.Builder post) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        if (!collect(xml, out, MAX_TEXT)) {
            post.tooLong = true;
        }
        return out.toString();
    }

    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        collect(xml, out, 100_000);
        return out.toString().strip();
    }

    /** Appends the element's text (nested elements' too) up to {@code max} characters; false if there was more. */
    private static boolean collect(XMLStreamReader xml, StringBuilder out, int max) throws XMLStreamException {
        boolean complete = true;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int room = max - out.length();
                    int length = xml.getTextLength();
                    if (length > room) {
                        complete = false;
                    }
                    out.append(xml.getTextCharacters(), xml.getTextStart(), Math.max(0, Math.min(room, length)));
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "未声明的实体 &" + xml.getLocalName() + ";", xml.getLocation());
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
        return complete;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        collect(xml, new StringBuilder(), 0);
    }

    private static boolean isWp(XMLStreamReader xml) {
        return ns(xml).startsWith(WP);
    }

    private static String ns(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
    }

    /** "第 L 行第 C 列: XML 格式错误（…）", without the parser's English framing. */
    static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        if (e.getLocation() == null) {
            return "XML 格式错误，文件未导入（" + reason.strip() + "）";
        }
        return "第 %d 行第 %d 列: XML 格式错误，文件未导入（%s）".formatted(e.getLocation().getLineNumber(),
                e.getLocation().getColumnNumber(), reason.strip());
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream is closed by its owner
            }
        }
    }

    /** The file is not a WordPress export, or not well-formed XML; the message is shown to the operator. */
    static final class WxrFormatException extends IOException {

        WxrFormatException(String message) {
            super(message);
        }
    }
}
