package org.shegong.sitepage;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing single pages (关于我们, 联系我们): each checked, written and audited in one transaction.
 * Two actions on one small object share this class; each is one method with its own audit code.
 */
@Component
class SitePageActions {

    private final SitePageService pages;
    private final AuditLog audit;

    SitePageActions(SitePageService pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @Transactional
    long add(Actor actor, String slug, String title, String body) {
        Authorization.require(actor, Permission.SITE_PAGES);
        long id = pages.create(slug, title, body, actor.name());
        audit.append(actor, AuditCode.PAGE_ADD, null, null, "单页 #" + id + " “" + title.strip() + "”（" + slug.strip() + "）");
        return id;
    }

    @Transactional
    void edit(Actor actor, long id, String title, String body) {
        Authorization.require(actor, Permission.SITE_PAGES);
        SitePage page = pages.byId(id).orElseThrow(SitePageException::missing);
        pages.update(id, title, body, actor.name());
        audit.append(actor, AuditCode.PAGE_EDIT, null, null, "单页 #" + id + " “" + page.title() + "”（" + page.slug() + "）");
    }
}
