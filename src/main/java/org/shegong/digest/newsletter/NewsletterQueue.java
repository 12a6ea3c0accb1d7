package org.shegong.digest.newsletter;

import java.time.Clock;
import java.util.List;
import org.shegong.digest.DigestService;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * Queues a published digest for every confirmed subscriber. It follows the outbox from its stored position,
 * so a digest published while the process was down is still queued; queueing is idempotent, so a replay
 * (or a second node doing the same) adds nothing twice.
 */
@Component
class NewsletterQueue implements OutboxConsumer {

    private final SendLogRepository sendLog;
    private final Clock clock;

    NewsletterQueue(SendLogRepository sendLog, Clock clock) {
        this.sendLog = sendLog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "newsletter-queue";
    }

    @Override
    public Scope scope() {
        return Scope.ONE_NODE; // queues mail in the shared send log: once for all nodes
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            if (DigestService.DIGEST_PUBLISHED.equals(event.type())) {
                try {
                    sendLog.enqueue(event.aggregateId(), clock.instant());
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    // Another node queued the same digest at the same moment; its rows stand, ours are not needed.
                    sendLog.enqueue(event.aggregateId(), clock.instant());
                }
            }
        }
    }
}
