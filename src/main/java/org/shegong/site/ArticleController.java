package org.shegong.site;

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

    ArticleController(ArticleService articles, ArticleViews views, ViewCounter counter) {
        this.articles = articles;
        this.views = views;
        this.counter = counter;
    }

    @GetMapping("/article/{id}")
    String article(@PathVariable String id, Model model) {
        Article article = parseId(id).flatMap(articles::find).filter(Article::isLive)
                .orElseThrow(() -> new NotFoundException("没有找到这篇文章，它可能已被撤下或地址有误"));
        counter.record(article.id());
        model.addAttribute("view", views.build(article, article.viewCount() + counter.pending(article.id())));
        return ArticleViews.TEMPLATE;
    }

    private static Optional<Long> parseId(String raw) {
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }
}
