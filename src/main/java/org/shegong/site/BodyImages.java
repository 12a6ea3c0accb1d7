package org.shegong.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.shegong.media.MediaFile;
import org.shegong.media.PublicMedia;

/**
 * Gives the uploaded images of an article body their smaller copies ({@code srcset}, {@code sizes}) and their size
 * ({@code width}/{@code height}, so the page does not jump while they load) when the page is rendered. The stored
 * body keeps the plain {@code <img src="/media/…">} the editor wrote: the copies are the media feature's business
 * and may change without touching every article.
 */
final class BodyImages {

    static final String SIZES = "(max-width: 800px) 100vw, 760px";

    private BodyImages() {
    }

    static String withCopies(String html, PublicMedia media) {
        if (html == null || !html.contains("<img")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element img : doc.select("img[src^=/media/]")) {
            MediaFile file = media.file(img.attr("src")).orElse(null);
            if (file == null) {
                continue;
            }
            String srcset = media.srcset(img.attr("src"));
            if (srcset != null && !img.hasAttr("srcset")) {
                img.attr("srcset", srcset).attr("sizes", SIZES);
                changed = true;
            }
            if (file.width() != null && file.height() != null && !img.hasAttr("width") && !img.hasAttr("height")) {
                img.attr("width", String.valueOf(file.width())).attr("height", String.valueOf(file.height()));
                changed = true;
            }
            if (!img.hasAttr("loading")) {
                img.attr("loading", "lazy");
                changed = true;
            }
        }
        return changed ? doc.body().html() : html;
    }
}
