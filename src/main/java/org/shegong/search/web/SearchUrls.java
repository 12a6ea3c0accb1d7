package org.shegong.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the search page. */
public final class SearchUrls {

    private SearchUrls() {
    }

    public static String search(String query) {
        return "/search?q=" + encode(query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
