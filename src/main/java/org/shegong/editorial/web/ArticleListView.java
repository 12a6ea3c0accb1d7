package org.shegong.editorial.web;

import java.util.List;
import org.shegong.account.AdminChrome;
import org.shegong.column.Column;
import org.shegong.content.Kind;

/** The article list page: the filter as given, one page of rows, and the link to the next page. */
public record ArticleListView(AdminChrome chrome, List<ListedArticle> rows, List<Column> columns, List<Kind> kinds,
                              String column, String status, String kind, String author, String q, String from,
                              String to, String region, String nextUrl, String error) {
}
