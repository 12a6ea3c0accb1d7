package org.shegong.search.web;

import org.shegong.search.SearchHit;
import org.shegong.search.SearchResults;

import org.shegong.system.web.SiteUrls;
import java.util.List;
import java.util.Map;
import org.shegong.column.Column;
import org.shegong.content.Kind;
import org.shegong.system.web.Chrome;
import org.shegong.system.Times;

/**
 * What the search page shows: the form as the reader filled it, the results, and for an empty result the
 * words they may have meant and the most read columns.
 */
public record SearchView(Chrome chrome, Form form, SearchResults results, Map<Long, Column> columns,
                         List<Column> columnChoices, List<String> alternatives, List<Column> popularColumns,
                         RegionFilter regions) {

    /** The form's values, echoed back and used to build page links. */
    public record Form(String q, String column, String kind, String from, String to, String sort, String region) {

        public String url(int page) {
            StringBuilder url = new StringBuilder("/search?q=").append(SearchUrls.encode(q));
            append(url, "column", column);
            append(url, "kind", kind);
            append(url, "from", from);
            append(url, "to", to);
            append(url, "region", region);
            if (!"relevance".equals(sort)) {
                append(url, "sort", sort);
            }
            if (page > 1) {
                url.append("&page=").append(page);
            }
            return url.toString();
        }

        private static void append(StringBuilder url, String name, String value) {
            if (value != null && !value.isEmpty()) {
                url.append('&').append(name).append('=').append(SearchUrls.encode(value));
            }
        }
    }

    /** The same search in another region (empty: anywhere), from its first page. */
    public String regionUrl(String code) {
        return new Form(form.q, form.column, form.kind, form.from, form.to, form.sort, code).url(1);
    }

    public String alternativeUrl(String alternative) {
        return SearchUrls.search(alternative);
    }

    public List<Kind> kinds() {
        return List.of(Kind.values());
    }

    public String columnName(SearchHit hit) {
        Column column = columns.get(hit.primaryColumnId());
        return column == null ? "" : column.name();
    }

    public String columnUrl(SearchHit hit) {
        Column column = columns.get(hit.primaryColumnId());
        return column == null ? SiteUrls.home() : SiteUrls.column(column.slug());
    }

    public String date(SearchHit hit) {
        return Times.listDate(hit.publishedAt());
    }

    public String iso(SearchHit hit) {
        return Times.iso(hit.publishedAt());
    }

    public boolean searched() {
        return !results.query().isEmpty();
    }

    public List<Integer> window() {
        return results.window();
    }

    /** A typo or pinyin correction of the query, searched instead or offered; null when none. */
    public SearchResults.Correction correction() {
        return results.correction();
    }

    public String totalText() {
        return results.totalText();
    }
}
