package org.shegong.search.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A missing, damaged or outdated index is rebuilt in the background; the site serves meanwhile. */
@Component
@Profile("!cli")
class SearchStartup {

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final IndexStore index;
    private final IndexRebuilder rebuilder;

    SearchStartup(@Lazy IndexStore index, IndexRebuilder rebuilder) {
        this.index = index;
        this.rebuilder = rebuilder;
    }

    /**
     * An index that cannot be opened (a search cluster that is away) does not stop the site: pages serve, searches
     * answer 503 until it can, and the 搜索索引 page's rebuild (or a restart) then builds what is missing.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfNeeded() {
        try {
            if (index.needsRebuild()) {
                rebuilder.startInBackground();
            }
        } catch (RuntimeException e) {
            log.warn("搜索索引暂时无法打开，网站照常运行；索引可用后请在“搜索索引”页重建或重启: {}", e.toString());
        }
    }
}
