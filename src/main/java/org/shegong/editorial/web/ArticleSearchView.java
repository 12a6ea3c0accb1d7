package org.shegong.editorial.web;

import org.shegong.editorial.web.ListedArticle;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.column.Column;
import org.shegong.content.Kind;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchResults;
import org.springframework.web.util.UriComponentsBuilder;

/** The editors' search page: the form as filled in, the results with their list rows, and page links. */
public record ArticleSearchView(AdminChrome chrome, Form form, SearchResults results, List<Found> found,
                                List<Column> columns, List<Kind> kinds, String error) {

    /** A hit (highlighted title and snippet) with the article's list row and where it stands in the workflow. */
    public record Found(ListedArticle article, SearchHit hit) {
    }

    public record Form(String q, String column, String status, String kind, String sort) {

        public String url(int page) {
            return UriComponentsBuilder.fromPath("/admin/search").queryParam("q", q).queryParam("column", column)
                    .queryParam("status", status).queryParam("kind", kind).queryParam("sort", sort)
                    .queryParam("page", page).encode().build().toUriString();
        }
    }

    public boolean searched() {
        return !results.query().isEmpty();
    }
}
