package org.shegong.system.web;

/**
 * The back office's article addresses, the counterpart of {@link SiteUrls} for staff pages: templates and
 * controllers ask here instead of spelling "/admin/articles/" + id, so a change of address is one edit.
 * Relative paths only (stored content and mails never hold the back office's host).
 */
public final class AdminUrls {

    private static final String ARTICLES = "/admin/articles";

    private AdminUrls() {
    }

    /** The editor's list, and where a new article's form posts. */
    public static String articles() {
        return ARTICLES;
    }

    /** The empty editor for a new article. */
    public static String newArticle() {
        return ARTICLES + "/new";
    }

    /** The article's editor page (and where its form posts). */
    public static String article(long id) {
        return ARTICLES + "/" + id;
    }

    /** A workflow action's form target: submit, approve, approve-and-publish, reject, publish, schedule, … */
    public static String action(long id, String action) {
        return article(id) + "/" + action;
    }

    /** Back to the editor page with a notice of what was done. */
    public static String done(long id, String done) {
        return article(id) + "?done=" + done;
    }

    public static String preview(long id) {
        return article(id) + "/preview";
    }

    public static String preview(long id, int revision) {
        return preview(id) + "?revision=" + revision;
    }

    public static String diff(long id, int from, int to) {
        return article(id) + "/revisions/" + from + "/diff/" + to;
    }

    public static String restore(long id, int revision) {
        return article(id) + "/revisions/" + revision + "/restore";
    }

    public static String autosave(long id) {
        return article(id) + "/autosave";
    }
}
