package org.shegong.engage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.system.web.BadRequestException;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.SiteUrls;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 互动交流 for readers: the published questions and answers, and the form to ask (about the site, a column or an
 * article). Neither page is in the page cache: the form carries a CSRF token, and the list changes with moderation.
 */
@Controller
class InteractController {

    static final int PAGE_SIZE = 20;

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ArticleService articles;
    private final PublishedQuestions published;
    private final AskService ask;

    InteractController(ChromeFactory chrome, ColumnService columns, ArticleService articles,
                       PublishedQuestions published, AskService ask) {
        this.chrome = chrome;
        this.columns = columns;
        this.articles = articles;
        this.published = published;
        this.ask = ask;
    }

    @GetMapping("/interact")
    String list(@RequestParam(required = false) String column, @RequestParam(defaultValue = "1") String page,
                Model model) {
        Column target = column == null ? null : visibleColumn(column);
        int number = pageNumber(page);
        Long columnId = target == null ? null : target.id();
        int pages = Math.max(1, (published.count(columnId) + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pages) {
            throw new NotFoundException("没有这一页");
        }
        model.addAttribute("view", new InteractView(chrome.chrome(null), target, published.page(columnId, number, PAGE_SIZE),
                number, pages));
        return "site/interact";
    }

    @GetMapping("/interact/ask")
    String form(@RequestParam(required = false) String article, @RequestParam(required = false) String column,
                HttpServletRequest request, Model model) {
        return page(model, request, target(article, column), new AskService.Form(null, null, null, null, null),
                List.of(), false);
    }

    @PostMapping("/interact/ask")
    String submit(@RequestParam(required = false) String article, @RequestParam(required = false) String column,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                  @RequestParam(name = "website", required = false) String honeypot,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        AskView.Target target = target(article, column);
        AskService.Form form = new AskService.Form(name, contact, title, body, honeypot);
        AskService.Result result = ask.ask(form, target.articleId(), target.columnId(), request.getRemoteAddr());
        switch (result.outcome()) {
            case ACCEPTED -> {
                return page(model, request, target, form, List.of(), true);
            }
            case TOO_MANY -> response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            case INVALID -> response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return page(model, request, target, form, result.errors(), false);
    }

    private String page(Model model, HttpServletRequest request, AskView.Target target, AskService.Form form,
                        List<String> errors, boolean sent) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("view", new AskView(chrome.chrome(null), target, form, errors, sent,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken()));
        return "site/interact-ask";
    }

    /** An article's questions are moderated in its primary column; a column's in the column; otherwise site-wide. */
    private AskView.Target target(String articleParam, String columnParam) {
        if (articleParam != null && !articleParam.isBlank()) {
            long id = parseId(articleParam);
            Article found = articles.find(id).filter(Article::isLive)
                    .orElseThrow(() -> new NotFoundException("没有找到这篇文章，它可能已被撤下或地址有误"));
            return new AskView.Target(found.id(), found.primaryColumnId(), "关于文章《" + found.title() + "》",
                    SiteUrls.article(found.id()), "返回文章", SiteUrls.askAboutArticle(found.id()));
        }
        if (columnParam != null && !columnParam.isBlank()) {
            Column found = visibleColumn(columnParam);
            return new AskView.Target(null, found.id(), "“" + found.name() + "”栏目", SiteUrls.interact(found.slug()),
                    "查看本栏目的答复", SiteUrls.askInColumn(found.slug()));
        }
        return new AskView.Target(null, null, null, SiteUrls.interact(), "查看已答复的咨询", SiteUrls.ask());
    }

    private Column visibleColumn(String slug) {
        return columns.bySlug(slug).filter(Column::visible)
                .orElseThrow(() -> new NotFoundException("没有找到这个栏目"));
    }

    private static long parseId(String raw) {
        if (raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException("文章编号无效");
        }
        return Long.parseLong(raw);
    }

    private static int pageNumber(String raw) {
        if (raw.isEmpty() || raw.length() > 6 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(raw) < 1) {
            throw new BadRequestException("页码无效");
        }
        return Integer.parseInt(raw);
    }
}
