package org.shegong.editorial.workflow;

import org.shegong.account.Actor;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.shegong.system.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles and takes expired ones down, every 20 seconds, so each acts well within a
 * minute of its time. Only the node holding the database lease runs; each article's move is a
 * compare-and-set as well, so even two runs at once could not publish an article twice. The schedule lives
 * in the database, so a restart loses nothing: due items are simply handled at the next run.
 */
@Component
@Profile("!cli")
public class ScheduledPublishing {

    static final String JOB = "scheduled-publishing";
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final int BATCH = 100;

    private final WorkflowRepository workflows;
    private final PublishAction publish;
    private final ExpireAction expire;
    private final JobLock lock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public ScheduledPublishing(WorkflowRepository workflows, PublishAction publish, ExpireAction expire, JobLock lock) {
        this.workflows = workflows;
        this.publish = publish;
        this.expire = expire;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${shegong.workflow.schedule-interval:20s}", initialDelayString = "${shegong.workflow.schedule-initial-delay:5s}")
    public void tick() {
        runOnce();
    }

    /** One run; returns how many articles it published or took down (0 when another node holds the lease). */
    public int runOnce() {
        return lock.runLeased(JOB, node, Duration.ofMinutes(2), () -> {
            Actor system = Actor.system();
            int done = 0;
            done += each(workflows.dueForPublishing(publish.now(), BATCH), id -> publish.publish(system, id, null, null));
            done += each(workflows.dueForExpiry(publish.now(), BATCH), id -> expire.expire(system, id));
            return done;
        }).orElse(0);
    }

    private int each(List<Long> ids, java.util.function.LongConsumer action) {
        int done = 0;
        for (long id : ids) {
            try {
                action.accept(id);
                done++;
            } catch (EditorialException e) {
                // Someone moved the article between the query and the action; nothing to do.
                log.info("Scheduled action skipped for article {}: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                log.error("Scheduled action failed for article {}", id, e);
            }
        }
        return done;
    }
}
