package org.shegong.site;

import org.shegong.system.web.Chrome;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.SiteUrls;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.shegong.media.PublicMedia;
import org.shegong.system.Times;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleNeighbours;
import org.shegong.content.BodyHtml;
import org.shegong.region.ArticleRegion;
import org.shegong.region.RegionTagging;
import org.shegong.region.RelatedReading;
import org.shegong.content.PopularArticles;
import org.shegong.content.PopularArticles.Window;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the public article page's view. The back office's preview uses the same builder and template, so a
 * preview is exactly what readers will see.
 */
@Component
public class ArticleViews {

    /** The site/article template, for callers outside this package. */
    public static final String TEMPLATE = "site/article";
    private static final int RELATED = 5;
    private static final int QUESTIONS = 20;

    private final ChromeFactory chrome;
    private final ColumnService columns;
    private final ArticleNeighbours neighbours;
    private final RelatedReading related;
    private final RegionTagging regions;
    private final PopularArticles popular;
    /** Resolved once: a bean lookup on every page was measurable (issue 18). */
    private final Supplier<Optional<ArticleQuestions>> questions;
    private final PublicMedia media;
    private final Clock clock;

    ArticleViews(ChromeFactory chrome, ColumnService columns, ArticleNeighbours neighbours, RelatedReading related,
                 RegionTagging regions, PopularArticles popular, ObjectProvider<ArticleQuestions> questions,
                 PublicMedia media, Clock clock) {
        this.media = media;
        this.clock = clock;
        this.related = related;
        this.regions = regions;
        this.popular = popular;
        this.chrome = chrome;
        this.columns = columns;
        this.neighbours = neighbours;
        this.questions = SingletonSupplier.of(() -> questions.stream().findFirst());
    }

    public ArticleView build(Article article, long views) {
        Column column = columns.byId(article.primaryColumnId()).orElseThrow();
        List<Column> path = columns.path(column);
        Chrome pageChrome = chrome.chrome(path.get(0).slug());
        String canonical = pageChrome.baseUrl() + SiteUrls.article(article.id());
        ItemTypeView type = ItemTypeView.of(article, media, LocalDate.now(clock.withZone(Times.CHINA)));
        List<ArticleRegion> places = regions.of(article.id()); // read once: shown, and the nearest related items
        var around = neighbours.around(article);
        return new ArticleView(pageChrome, article, column, path, views, around.newer(), around.older(),
                related.of(article, places, RELATED), canonical, article.listSummary(),
                String.join(",", article.tags()), BodyImages.withCopies(body(article), media),
                ArticleJsonLd.of(article, column, canonical, article.listSummary(), pageChrome, type),
                regions.places(places), popularIn(path.get(0)),
                questions.get().map(q -> q.answered(article.id(), QUESTIONS)).orElse(List.of()), type);
    }

    /** The sidebar's 热门排行 of the article's top-level column (its sub-columns included). */
    private PopularBlock popularIn(Column top) {
        List<Long> ids = new java.util.ArrayList<>();
        ids.add(top.id());
        descendants(top.id(), columns.visibleChildren(), ids, 0);
        return new PopularBlock(top.name() + "热门", popular.columns(ids, Window.WEEK, PopularBlock.SHOWN),
                popular.columns(ids, Window.MONTH, PopularBlock.SHOWN));
    }

    private static void descendants(long id, java.util.Map<Long, List<Column>> children, List<Long> into, int depth) {
        for (Column child : depth >= 8 ? List.<Column>of() : children.getOrDefault(id, List.of())) {
            into.add(child.id());
            descendants(child.id(), children, into, depth + 1);
        }
    }

    /**
     * Items imported from a listing page have no body; their summary, cut by the old site with "...", is all
     * the text there is. The page says so and ends the text at its last whole sentence rather than mid-word.
     */
    static String body(Article article) {
        if (article.bodyHtml() != null && !article.bodyHtml().isBlank()) {
            return article.bodyHtml();
        }
        String text = article.summary() != null ? article.summary() : article.listSummary();
        return "<p class=\"summary-note\">" + SUMMARY_NOTE + "</p>\n<p>" + BodyHtml.escape(wholeSentences(text))
                + "</p>";
    }

    static final String SUMMARY_NOTE = "本文为摘要，全文见来源。";

    /** The text up to its last sentence end; a text cut before any sentence ended keeps its words and says so. */
    static String wholeSentences(String text) {
        String t = text.strip();
        boolean cut = t.endsWith("...") || t.endsWith("…");
        if (!cut) {
            return t;
        }
        t = t.replaceAll("(\\.\\.\\.|…)+$", "");
        int end = Math.max(Math.max(t.lastIndexOf('。'), t.lastIndexOf('！')), t.lastIndexOf('？'));
        if (end >= 20) {
            return t.substring(0, end + 1);
        }
        return t + "（摘要节选）";
    }
}
