package org.shegong.account;

import java.util.EnumSet;
import java.util.Set;
import org.shegong.system.web.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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

    private static final String ACTOR = AdminContext.class.getName() + ".actor";

    private final Actors actors;
    private final SiteProperties site;

    AdminContext(Actors actors, SiteProperties site) {
        this.actors = actors;
        this.site = site;
    }

    /** The chrome, with the menu rights of the person logged in. */
    public AdminChrome chrome(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return AdminChrome.of(request, site.name());
        }
        Actor actor;
        try {
            actor = actor(user, request);
        } catch (Refusal e) {
            return AdminChrome.of(request, site.name());
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (Authorization.allows(actor, permission)) {
                permissions.add(permission);
            }
        }
        return AdminChrome.of(request, site.name(), permissions);
    }

    /**
     * The acting person, with grants read once per request (the route check and the handler share it). The
     * address is the connection's; behind a proxy set server.forward-headers-strategy=native.
     */
    public Actor actor(StaffUser user, HttpServletRequest request) {
        Object cached = request.getAttribute(ACTOR);
        if (cached instanceof Actor actor && user.id() == actor.userId()) {
            return actor;
        }
        Actor actor = actors.of(user.id(), request.getRemoteAddr());
        request.setAttribute(ACTOR, actor);
        return actor;
    }
}
