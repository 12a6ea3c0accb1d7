package org.shegong.site;

import org.shegong.column.Column;

/** The public URL scheme; stable and readable, and the one place that knows it. */
public final class SiteUrls {

    public static final String RSS = "/rss.xml";
    public static final String ATOM = "/atom.xml";
    public static final String SITEMAP_INDEX = "/sitemap.xml";
    /** The sitemap for people (网站地图): every visible column and single page. */
    public static final String SITEMAP_PAGE = "/sitemap";

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

    /** A single page (关于我们, 联系我们 …). */
    public static String page(String slug) {
        return "/page/" + slug;
    }

    public static String columnRss(String slug) {
        return column(slug) + "/rss.xml";
    }

    public static String columnAtom(String slug) {
        return column(slug) + "/atom.xml";
    }
}
