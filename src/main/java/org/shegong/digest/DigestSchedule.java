package org.shegong.digest;

import java.time.Duration;
import org.shegong.system.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Drafts the past week's digest every week at the configured day and time (in the configured zone), on one
 * node only: the job lock keeps a second node that fires at the same time from doing it again.
 */
@Component
class DigestSchedule implements SchedulingConfigurer {

    static final String JOB = "digest-weekly";
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final DigestService digests;
    private final JobLock lock;
    private final DigestProperties properties;

    DigestSchedule(DigestService digests, JobLock lock, DigestProperties properties) {
        this.digests = digests;
        this.lock = lock;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addTriggerTask(this::run, new CronTrigger(properties.cron(), properties.zone()));
            log.info("Weekly digest scheduled: {} {} ({})", properties.day(), properties.time(), properties.zone());
        }
    }

    /** One scheduled occurrence; returns whether this node ran it. */
    boolean run() {
        return lock.runOnce(JOB, Duration.ofMinutes(30), Duration.ofHours(1), () -> {
            DigestService.Generated generated = digests.generatePastWeek();
            log.info("Weekly digest {}: {}", generated.digest().window().title(), generated.outcome());
        });
    }
}
