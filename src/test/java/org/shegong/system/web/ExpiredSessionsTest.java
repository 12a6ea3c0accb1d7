package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.MutableClock;
import org.shegong.system.NodeId;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.shegong.system.jobs.JobLock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session tables of V110 hold Spring Session's sessions on H2, PostgreSQL and MariaDB, and expired sessions are
 * deleted by one node a minute.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class ExpiredSessionsTest {

    @Parameter
    DatabaseTarget target;

    @Test
    void expiredSessionsAreDeletedOnceAMinuteByOneNodeAndLiveOnesStay() {
        TestDatabase db = TestDatabase.fresh(target);
        AtomicInteger runs = new AtomicInteger();
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(db.dataSource()),
                db.transactions()) {
            @Override
            public void cleanUpExpiredSessions() {
                runs.incrementAndGet();
                super.cleanUpExpiredSessions();
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        SessionRepository<Session> store = (SessionRepository) sessions;
        Session live = store.createSession();
        live.setAttribute("csrf", "token-of-a-live-session");
        store.save(live);
        Session old = store.createSession();
        old.setAttribute("csrf", "token-of-an-old-session");
        old.setMaxInactiveInterval(Duration.ofMinutes(30));
        old.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
        store.save(old);

        MutableClock clock = new MutableClock(Instant.parse("2021-08-30T00:00:00Z"));
        var provider = new StaticListableBeanFactory(Map.of("sessions", sessions))
                .getBeanProvider(JdbcIndexedSessionRepository.class);
        ExpiredSessions nodeA = new ExpiredSessions(provider, new JobLock(db.jdbc(), clock, "a"), NodeId.of("a"));
        ExpiredSessions nodeB = new ExpiredSessions(provider, new JobLock(db.jdbc(), clock, "b"), NodeId.of("b"));
        nodeA.cleanUp();
        nodeB.cleanUp();
        assertThat(runs).as("the same minute: one node").hasValue(1);
        assertThat(store.findById(old.getId())).isNull();
        assertThat(store.findById(live.getId()).<String>getAttribute("csrf")).isEqualTo("token-of-a-live-session");

        clock.advance(Duration.ofMinutes(1));
        nodeB.cleanUp();
        assertThat(runs).hasValue(2);
    }
}
