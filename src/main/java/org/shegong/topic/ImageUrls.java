package org.shegong.topic;

import java.util.regex.Pattern;

/**
 * Picture addresses editors type for 图片新闻 and topic banners: an https address or a path on this site (an uploaded
 * file). Nothing else, so no javascript: or data: address and no protocol-relative link reaches a page; the
 * site's CSP allows images from exactly these.
 */
final class ImageUrls {

    private static final Pattern ALLOWED = Pattern.compile("(https://[A-Za-z0-9.-]+(:[0-9]{1,5})?|/(?!/))[^\\s\"'<>\\\\]*");

    private ImageUrls() {
    }

    /** The cleaned address, null when blank; throws with the Chinese reason when it is not allowed. */
    static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > 500 || !ALLOWED.matcher(url).matches()) {
            throw new TopicException("图片地址须以 https:// 开头，或为本站路径（以 / 开头），且不超过 500 字符");
        }
        return url;
    }
}
