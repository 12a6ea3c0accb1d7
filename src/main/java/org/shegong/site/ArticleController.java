package org.shegong.site;

import java.util.List;
import java.util.Optional;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleNeighbours;
import org.shegong.content.ArticleService;
import org.shegong.content.BodyHtml;
import org.shegong.content.ViewCounter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticleController {

    private static final int RELATED = 5;

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ArticleService articles;
    private final ArticleNeighbours neighbours;
    private final ViewCounter views;

    ArticleController(ChromeFactory chrome, ColumnService columns, ArticleService articles,
                      ArticleNeighbours neighbours, ViewCounter views) {
        this.chrome = chrome;
        this.columns = columns;
        this.articles = articles;
        this.neighbours = neighbours;
        this.views = views;
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable String id, Model model) {
        Article article = parseId(id).flatMap(articles::find).filter(Article::isLive)
                .orElseThrow(() -> new NotFoundException("没有找到这篇文章，它可能已被撤下或地址有误"));
        Column column = columns.byId(article.primaryColumnId()).orElseThrow();
        List<Column> path = columns.path(column);
        views.record(article.id());
        Chrome pageChrome = chrome.chrome(path.get(0).slug());
        String canonical = pageChrome.baseUrl() + SiteUrls.article(article.id());
        model.addAttribute("view", new ArticleView(pageChrome, article, column, path,
                article.viewCount() + views.pending(article.id()),
                neighbours.newer(article).orElse(null), neighbours.older(article).orElse(null),
                neighbours.related(article, RELATED), canonical, description(article),
                String.join(",", article.tags()), body(article),
                ArticleJsonLd.of(article, column, canonical, description(article), pageChrome)));
        return "site/article";
    }

    private static Optional<Long> parseId(String raw) {
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }

    private static String description(Article article) {
        return article.listSummary();
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
