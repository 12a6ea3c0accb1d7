package org.shegong.system.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;


/** The public URL scheme; stable and readable, and the one place that knows it. */
public final class SiteUrls {

    public static final String RSS = "/rss.xml";
    public static final String ATOM = "/atom.xml";
    public static final String SITEMAP_INDEX = "/sitemap.xml";
    /** The sitemap for people (网站地图): every visible column and single page. */
    public static final String SITEMAP_PAGE = "/sitemap";
    /** Where a reader switches 关怀模式 and the text size (see {@link ReaderDisplay}). */
    public static final String DISPLAY = "/display";
    /** A path on this site: one leading slash (not "//host"), no backslash, no control characters. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s\\p{Cntrl}]{0,500}");

    private static final String COLUMN_PREFIX = "/column/";
    private static final String ARTICLE_PREFIX = "/article/";
    private static final String REGIONS = "/region";
    private static final Pattern READER_PAGE = Pattern.compile(
            "/|/column/[A-Za-z0-9_-]{1,64}(/page/[0-9]{1,9})?|/article/[0-9]{1,18}|/region(/[0-9]{6}(/page/[0-9]{1,9})?)?");
    private static final Pattern ARTICLE_PAGE = Pattern.compile("/article/([0-9]{1,18})");

    private SiteUrls() {
    }

    /** Whether a path is one of the readers' pages the page cache may keep: home, column pages, articles. */
    public static boolean isReaderPage(String path) {
        return READER_PAGE.matcher(path).matches();
    }

    /**
     * The route of a readers' page ({@link #isReaderPage}) as its controller maps it ("/column/{slug}/page/{page}"),
     * so that request metrics name pages served from the page cache like those rendered.
     */
    public static String readerPageRoute(String path) {
        if (path.equals("/") || path.equals(REGIONS)) {
            return path;
        }
        String[] parts = path.substring(1).split("/");
        return switch (parts[0]) {
            case "column" -> parts.length > 2 ? "/column/{slug}/page/{page}" : "/column/{slug}";
            case "article" -> "/article/{id}";
            case "region" -> parts.length > 2 ? "/region/{code}/page/{page}" : "/region/{code}";
            default -> "UNKNOWN";
        };
    }

    /** The article id of an article page's path, or -1 for any other path. */
    public static long articleIdOf(String path) {
        Matcher m = ARTICLE_PAGE.matcher(path);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Whether a path is a page of some column (any column, any page number). */
    public static boolean isColumnPage(String path) {
        return path.startsWith(COLUMN_PREFIX);
    }

    /** Whether a path is a page of this column: its first page or a numbered one. */
    public static boolean isPageOfColumn(String path, String slug) {
        String first = column(slug);
        return path.equals(first) || path.startsWith(first + "/page/");
    }

    public static String home() {
        return "/";
    }

    public static String column(String slug) {
        return COLUMN_PREFIX + slug;
    }


    public static String columnPage(String slug, int page) {
        return page <= 1 ? column(slug) : column(slug) + "/page/" + page;
    }

    public static String article(long id) {
        return ARTICLE_PREFIX + id;
    }

    /** 地区: the map of China and the list of provinces. */
    public static String regions() {
        return REGIONS;
    }

    /** The page of a province, city or county, by its six-digit code (210000 辽宁省). */
    public static String region(String code) {
        return REGIONS + "/" + code;
    }

    public static String regionPage(String code, int page) {
        return page <= 1 ? region(code) : region(code) + "/page/" + page;
    }

    public static String regionRss(String code) {
        return region(code) + "/rss.xml";
    }

    /** Whether a path is the region map or a page of some region. */
    public static boolean isRegionPage(String path) {
        return path.equals(REGIONS) || path.startsWith(REGIONS + "/");
    }

    /** A single page (关于我们, 联系我们 …). */
    public static String page(String slug) {
        return "/page/" + slug;
    }

    /** Whether a reader-supplied address is a path on this site, safe to redirect to. */
    public static boolean isLocalPath(String path) {
        return path != null && LOCAL_PATH.matcher(path).matches();
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
