package org.shegong.site;

import org.shegong.column.Column;

/** The public URL scheme; stable and readable, and the one place that knows it. */
public final class SiteUrls {

    public static final String RSS = "/rss.xml";
    public static final String ATOM = "/atom.xml";
    public static final String SITEMAP_INDEX = "/sitemap.xml";

    private SiteUrls() {
    }

    public static String home() {
        return "/";
    }

    public static String column(String slug) {
        return "/column/" + slug;
    }

    public static String column(Column column) {
        return column(column.slug());
    }

    public static String columnPage(String slug, int page) {
        return page <= 1 ? column(slug) : column(slug) + "/page/" + page;
    }

    public static String article(long id) {
        return "/article/" + id;
    }

    public static String columnRss(String slug) {
        return column(slug) + "/rss.xml";
    }

    public static String columnAtom(String slug) {
        return column(slug) + "/atom.xml";
    }

    /** 互动交流: the published questions and answers, all or one column's. */
    public static String interact() {
        return "/interact";
    }

    public static String interact(String columnSlug) {
        return "/interact?column=" + columnSlug;
    }

    /** The question form: site-wide, about an article, or in a column. */
    public static String ask() {
        return "/interact/ask";
    }

    public static String askAboutArticle(long articleId) {
        return "/interact/ask?article=" + articleId;
    }

    public static String askInColumn(String columnSlug) {
        return "/interact/ask?column=" + columnSlug;
    }

    /** A 专题 page. */
    public static String topic(String slug) {
        return "/topic/" + slug;
    }
}
