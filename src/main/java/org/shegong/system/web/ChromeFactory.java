package org.shegong.system.web;

import java.util.List;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
public class ChromeFactory {

    private static final Logger log = LoggerFactory.getLogger(ChromeFactory.class);

    private final Navigation navigation;
    private final SiteProperties site;

    ChromeFactory(Navigation navigation, SiteProperties site) {
        this.navigation = navigation;
        this.site = site;
    }

    public Chrome chrome(String activeSlug) {
        return new Chrome(site.name(), site.owner(), site.baseUrl(), navigation.items(), activeSlug);
    }

    /** For error pages: an error page must render even when the database that holds the columns is down. */
    public Chrome safeChrome() {
        try {
            return chrome(null);
        } catch (RuntimeException e) {
            log.debug("Navigation unavailable for the error page", e);
            return new Chrome(site.name(), site.owner(), site.baseUrl(), List.of(), null);
        }
    }
}
