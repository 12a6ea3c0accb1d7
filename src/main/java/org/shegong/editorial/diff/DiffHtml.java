package org.shegong.editorial.diff;

import java.util.List;
import org.shegong.content.BodyHtml;

/** A diff as HTML: shared text as is, removed text in {@code <del>}, added text in {@code <ins>}; all escaped. */
public final class DiffHtml {

    private DiffHtml() {
    }

    public static String render(List<TextDiff.Segment> segments) {
        StringBuilder html = new StringBuilder();
        for (TextDiff.Segment s : segments) {
            String text = BodyHtml.escape(s.text());
            switch (s.kind()) {
                case EQUAL -> html.append(text);
                case DELETE -> html.append("<del>").append(text).append("</del>");
                case INSERT -> html.append("<ins>").append(text).append("</ins>");
            }
        }
        return html.toString();
    }
}
