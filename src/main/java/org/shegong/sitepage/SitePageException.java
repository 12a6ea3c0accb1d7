package org.shegong.sitepage;

import org.shegong.system.web.Refusal;

/** A change to a single page that cannot be made; the message is for the administrator. */
public class SitePageException extends Refusal {

    public SitePageException(String message) {
        super(Kind.INVALID, message);
    }

    private SitePageException(Kind kind, String message) {
        super(kind, message);
    }

    static SitePageException missing() {
        return new SitePageException(Kind.NOT_FOUND, "没有找到这个单页");
    }
}
