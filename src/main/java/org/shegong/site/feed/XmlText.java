package org.shegong.site.feed;

import org.shegong.system.ControlCharacters;

/** Text for an XML 1.0 document: what it forbids is dropped, so no stored item can break a feed or sitemap. */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        return text == null ? "" : ControlCharacters.clean(text);
    }
}
