package org.shegong.region;

import java.util.Arrays;
import java.util.List;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Drops this node's region page anchors ({@link RegionListing}) when another node's tagging changed a region's
 * listing: the node that tagged drops its own at commit, every other node learns it from the outbox (ADR 0056).
 * Ordered with the other derived state, before the page cache evicts.
 */
@Component
@Order(100)
class RegionListingFollower implements OutboxConsumer {

    private final RegionListing listing;

    RegionListingFollower(RegionListing listing) {
        this.listing = listing;
    }

    @Override
    public String name() {
        return "region-listing";
    }

    @Override
    public Scope scope() {
        return Scope.EVERY_NODE; // the anchors are held in this node's memory
    }

    @Override
    public boolean startsAtLatest() {
        return true;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            if (event.isBulkImport() || OutboxEvent.REGIONS_CHANGED.equals(event.type())
                    && (event.aggregateId() == 0 || event.payload() == null)) {
                listing.forgetAll();
            } else if (OutboxEvent.REGIONS_CHANGED.equals(event.type()) && !event.payload().isEmpty()) {
                listing.forgetAfterCommit(Arrays.asList(event.payload().split(",")));
            }
        }
    }
}
