package org.shegong.site;

import java.util.List;
import java.util.Map;
import org.shegong.column.ColumnService;
import org.shegong.digest.newsletter.SubscriptionService;
import org.shegong.system.FooterProperties;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
public class ChromeFactory {

    private static final Logger log = LoggerFactory.getLogger(ChromeFactory.class);

    private final ColumnService columns;
    private final SiteProperties site;
    private final SubscriptionService subscriptions;
    private final FooterProperties footer;

    ChromeFactory(ColumnService columns, SiteProperties site, SubscriptionService subscriptions,
                  FooterProperties footer) {
        this.columns = columns;
        this.footer = footer;
        this.site = site;
        this.subscriptions = subscriptions;
    }

    public Chrome chrome(String activeSlug) {
        return new Chrome(site.name(), site.owner(), site.baseUrl(), columns.navigation(), activeSlug,
                subscriptions.mailConfigured(), columns.visibleChildren(), footer);
    }

    /** For error pages: an error page must render even when the database that holds the columns is down. */
    Chrome safeChrome() {
        try {
            return chrome(null);
        } catch (RuntimeException e) {
            log.debug("Navigation unavailable for the error page", e);
            return new Chrome(site.name(), site.owner(), site.baseUrl(), List.of(), null, false, Map.of(),
                    footer);
        }
    }
}
