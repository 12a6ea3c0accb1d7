package org.shegong.system.web;

import java.time.Duration;
import org.shegong.system.NodeId;
import org.shegong.system.jobs.JobLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions from the database once a minute, on one node at a time: Spring Session's own cleanup
 * is switched off ({@code spring.session.jdbc.cleanup-cron=-}) because every node would run it at the same second.
 * The lease outlives the run, so the other nodes skip the rest of the minute; two runs at once would only delete
 * the same rows.
 */
@Component
class ExpiredSessions {

    static final String JOB = "session-cleanup";

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
    private final JobLock lock;
    private final String node;

    ExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions, JobLock lock, NodeId node) {
        this.sessions = sessions;
        this.lock = lock;
        this.node = node.value();
    }

    @Scheduled(fixedDelayString = "${shegong.session.cleanup-interval:60s}", initialDelayString = "${shegong.session.cleanup-interval:60s}")
    void cleanUp() {
        JdbcIndexedSessionRepository repository = sessions.getIfAvailable(); // none in command-line mode
        if (repository != null && lock.tryAcquire(JOB, node, Duration.ofSeconds(50))) {
            repository.cleanUpExpiredSessions();
        }
    }
}
