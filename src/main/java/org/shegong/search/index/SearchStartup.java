package org.shegong.search.index;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A missing, damaged or outdated index is rebuilt in the background; the site serves meanwhile. */
@Component
@Profile("!cli")
class SearchStartup {

    private final IndexStore index;
    private final IndexRebuilder rebuilder;

    SearchStartup(@Lazy IndexStore index, IndexRebuilder rebuilder) {
        this.index = index;
        this.rebuilder = rebuilder;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfNeeded() {
        if (index.needsRebuild()) {
            rebuilder.startInBackground();
        }
    }
}
