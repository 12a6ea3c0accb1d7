package org.shegong.engage;

import java.util.List;
import org.shegong.system.web.Chrome;

/** The question form, its errors, or the thank-you after sending. */
public record AskView(Chrome chrome, Target target, AskService.Form form, List<String> errors, boolean sent,
                      String csrfParameter, String csrfToken) {

    /** What the question is about; {@code about} is null for a site-wide question. */
    public record Target(Long articleId, Long columnId, String about, String backUrl, String backLabel,
                         String formAction) {
    }

    public static String value(String text) {
        return text == null ? "" : text;
    }
}
