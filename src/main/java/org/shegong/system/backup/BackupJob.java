package org.shegong.system.backup;

import java.time.Duration;
import org.shegong.system.jobs.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly backup of the embedded database ({@code shegong.backup.cron}, China time; {@code -} turns it off).
 * The job lease makes one node run it; on PostgreSQL or MariaDB it does nothing (their own dump tools back them up).
 */
@Component
@Profile("!cli")
class BackupJob {

    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

    private final H2Backups backups;
    private final JobLock lock;

    BackupJob(H2Backups backups, JobLock lock) {
        this.backups = backups;
        this.lock = lock;
    }

    @Scheduled(cron = "${shegong.backup.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        if (!backups.applies()) {
            return;
        }
        try {
            lock.runOnce("h2-backup", Duration.ofMinutes(5), Duration.ofHours(3), () -> {
                try {
                    backups.backup();
                } catch (Exception e) {
                    throw new Failed(e); // through the lock, so the run is counted as a failure
                }
            });
        } catch (Failed e) {
            log.error("备份失败: {}", e.getCause().getMessage(), e.getCause());
        }
    }

    private static final class Failed extends RuntimeException {

        Failed(Exception cause) {
            super(cause);
        }
    }
}
