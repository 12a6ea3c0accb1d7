package org.shegong.site;

import java.util.List;
import org.shegong.column.ColumnService;
import org.shegong.system.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
public class ChromeFactory {

    private static final Logger log = LoggerFactory.getLogger(ChromeFactory.class);

    private final ColumnService columns;
    private final SiteProperties site;

    ChromeFactory(ColumnService columns, SiteProperties site) {
        this.columns = columns;
        this.site = site;
    }

    public Chrome chrome(String activeSlug) {
        return new Chrome(site.name(), site.owner(), site.baseUrl(), columns.navigation(), activeSlug);
    }

    /** For error pages: an error page must render even when the database that holds the columns is down. */
    Chrome safeChrome() {
        try {
            return chrome(null);
        } catch (RuntimeException e) {
            log.debug("Navigation unavailable for the error page", e);
            return new Chrome(site.name(), site.owner(), site.baseUrl(), List.of(), null);
        }
    }
}
