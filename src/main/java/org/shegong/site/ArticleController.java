package org.shegong.site;

import org.shegong.system.db.OneConnection;
import org.shegong.system.web.NotFoundException;

import java.util.Optional;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.content.ViewCounter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ArticleController {

    private final ArticleService articles;
    private final ArticleViews views;
    private final ViewCounter counter;
    private final OneConnection connection;

    ArticleController(ArticleService articles, ArticleViews views, ViewCounter counter, OneConnection connection) {
        this.articles = articles;
        this.views = views;
        this.counter = counter;
        this.connection = connection;
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable String id, Model model) {
        ArticleView view = connection.read(() -> {
            Article article = parseId(id).flatMap(articles::find).filter(Article::isLive)
                    .orElseThrow(() -> new NotFoundException("没有找到这篇文章，它可能已被撤下或地址有误"));
            counter.record(article.id());
            return views.build(article, article.viewCount() + counter.pending(article.id()));
        });
        model.addAttribute("view", view);
        return ArticleViews.TEMPLATE;
    }

    private static Optional<Long> parseId(String raw) {
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }
}
