package org.shegong.account;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.AdminChrome;
import org.shegong.account.StaffUser;
import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.system.SiteProperties;
import org.springframework.stereotype.Component;

/** The page chrome and the acting person for a back-office request (shared by the back office's sub-packages). */
@Component
public class AdminContext {

    private final Actors actors;
    private final SiteProperties site;

    AdminContext(Actors actors, SiteProperties site) {
        this.actors = actors;
        this.site = site;
    }

    public AdminChrome chrome(HttpServletRequest request) {
        return AdminChrome.of(request, site.name());
    }

    /** The address is the connection's; behind a proxy set server.forward-headers-strategy=native. */
    public Actor actor(StaffUser user, HttpServletRequest request) {
        return actors.of(user.id(), request.getRemoteAddr());
    }
}
