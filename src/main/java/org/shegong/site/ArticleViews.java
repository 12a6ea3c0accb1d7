package org.shegong.site;

import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.SiteUrls;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleNeighbours;
import org.shegong.content.BodyHtml;
import org.springframework.stereotype.Component;

/**
 * Builds the public article page's view. The back office's preview uses the same builder and template, so a
 * preview is exactly what readers will see.
 */
@Component
public class ArticleViews {

    /** The site/article template, for callers outside this package. */
    public static final String TEMPLATE = "site/article";
    private static final int RELATED = 5;

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ArticleNeighbours neighbours;

    ArticleViews(ChromeFactory chrome, ColumnService columns, ArticleNeighbours neighbours) {
        this.chrome = chrome;
        this.columns = columns;
        this.neighbours = neighbours;
    }

    public ArticleView build(Article article, long views) {
        Column column = columns.byId(article.primaryColumnId()).orElseThrow();
        List<Column> path = columns.path(column);
        Chrome pageChrome = chrome.chrome(path.get(0).slug());
        String canonical = pageChrome.baseUrl() + SiteUrls.article(article.id());
        return new ArticleView(pageChrome, article, column, path, views,
                neighbours.newer(article).orElse(null), neighbours.older(article).orElse(null),
                neighbours.related(article, RELATED), canonical, article.listSummary(),
                String.join(",", article.tags()), body(article),
                ArticleJsonLd.of(article, column, canonical, article.listSummary(), pageChrome));
    }

    /** Items imported from a listing page have no body yet; their summary is all the text there is. */
    private static String body(Article article) {
        if (article.bodyHtml() != null && !article.bodyHtml().isBlank()) {
            return article.bodyHtml();
        }
        String text = article.summary() != null ? article.summary() : article.listSummary();
        return "<p>" + BodyHtml.escape(text) + "</p>";
    }
}
