package org.shegong.sitepage;

/** A change to a single page that cannot be made; the message is for the administrator. */
public class SitePageException extends RuntimeException {

    private final boolean notFound;

    public SitePageException(String message) {
        this(message, false);
    }

    private SitePageException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    static SitePageException missing() {
        return new SitePageException("没有找到这个单页", true);
    }

    public boolean isNotFound() {
        return notFound;
    }
}
