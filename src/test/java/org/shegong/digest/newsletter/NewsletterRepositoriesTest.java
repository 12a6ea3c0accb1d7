package org.shegong.digest.newsletter;

import org.shegong.system.LinkTokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** Subscribers and the send log, on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class NewsletterRepositoriesTest {

    static final Instant NOW = Instant.parse("2021-08-30T03:00:00Z");

    @Parameter
    DatabaseTarget target;

    SubscriberRepository subscribers;
    SendLogRepository sendLog;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.fresh(target);
        subscribers = new SubscriberRepository(db.jdbc());
        sendLog = new SendLogRepository(db.jdbc());
    }

    private Subscriber confirmed(String email) {
        subscribers.insert(email, LinkTokens.random(), NOW);
        Subscriber s = subscribers.findByEmail(email).orElseThrow();
        String token = LinkTokens.random();
        assertThat(subscribers.recordConfirmation(s, LinkTokens.hash(token), NOW, NOW, 1)).isTrue();
        assertThat(subscribers.confirm(LinkTokens.hash(token), NOW.minus(Duration.ofDays(2)), NOW)).contains(email);
        return subscribers.findByEmail(email).orElseThrow();
    }

    @Test
    void anAddressIsStoredOnceAndConfirmationIsCompareAndSet() {
        assertThat(subscribers.insert("a@example.org", LinkTokens.random(), NOW)).isTrue();
        assertThat(subscribers.insert("a@example.org", LinkTokens.random(), NOW)).isFalse();
        Subscriber s = subscribers.findByEmail("a@example.org").orElseThrow();
        assertThat(s.status()).isEqualTo(Subscriber.Status.PENDING);
        assertThat(subscribers.recordConfirmation(s, "h1", NOW, NOW, 1)).isTrue();
        // A second request that read the same state loses: only one confirmation mail goes out.
        assertThat(subscribers.recordConfirmation(s, "h2", NOW, NOW, 1)).isFalse();
        Subscriber after = subscribers.findByEmail("a@example.org").orElseThrow();
        assertThat(after.confirmSentAt()).isEqualTo(NOW);
        assertThat(subscribers.recordConfirmation(after, "h3", NOW.plusSeconds(900), NOW, 2)).isTrue();
        assertThat(subscribers.findByEmail("a@example.org").orElseThrow().confirmSends()).isEqualTo(2);
    }

    @Test
    void confirmationTokensExpireAndWorkOnce() {
        subscribers.insert("b@example.org", LinkTokens.random(), NOW);
        Subscriber s = subscribers.findByEmail("b@example.org").orElseThrow();
        subscribers.recordConfirmation(s, "hash", NOW, NOW, 1);
        assertThat(subscribers.confirm("hash", NOW.plusSeconds(1), NOW.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(subscribers.confirm("hash", NOW, NOW.plusSeconds(60))).contains("b@example.org");
        assertThat(subscribers.confirm("hash", NOW, NOW.plusSeconds(60))).isEmpty();
        assertThat(subscribers.countConfirmed()).isEqualTo(1);
        assertThat(subscribers.unsubscribe(s.unsubscribeToken(), NOW)).isTrue();
        assertThat(subscribers.unsubscribe(s.unsubscribeToken(), NOW)).isFalse();
        assertThat(subscribers.countConfirmed()).isZero();
    }

    @Test
    void queueingIsIdempotentAndOnlyForConfirmedSubscribers() {
        confirmed("c1@example.org");
        confirmed("c2@example.org");
        subscribers.insert("pending@example.org", LinkTokens.random(), NOW);
        assertThat(sendLog.enqueue(7, NOW)).isEqualTo(2);
        assertThat(sendLog.enqueue(7, NOW)).isZero();
        confirmed("c3@example.org");
        assertThat(sendLog.enqueue(7, NOW)).isEqualTo(1);
        assertThat(sendLog.enqueue(8, NOW)).isEqualTo(3);
        assertThat(sendLog.counts(7)).containsEntry("PENDING", 3L);
    }

    @Test
    void aRowIsClaimedByOneSenderAndAStaleClaimIsRequeued() {
        confirmed("d1@example.org");
        confirmed("d2@example.org");
        sendLog.enqueue(9, NOW);
        List<SendLogRepository.Pending> pending = sendLog.pending(0, 10);
        assertThat(pending).hasSize(2);
        long first = pending.get(0).id();
        assertThat(sendLog.claim(first, NOW)).isTrue();
        assertThat(sendLog.claim(first, NOW)).isFalse();
        assertThat(sendLog.pending(0, 10)).extracting(SendLogRepository.Pending::id).doesNotContain(first);
        assertThat(sendLog.pending(first, 10)).hasSize(1);

        assertThat(sendLog.requeueStale(NOW)).isZero();
        assertThat(sendLog.requeueStale(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(sendLog.claim(first, NOW.plusSeconds(2))).isTrue();
        sendLog.markSent(first, NOW.plusSeconds(3));

        long second = pending.get(1).id();
        sendLog.claim(second, NOW);
        sendLog.markFailed(second, "550 mailbox unavailable", true);
        sendLog.claim(second, NOW);
        sendLog.markFailed(second, "550 mailbox unavailable", false);
        assertThat(sendLog.counts(9)).containsEntry("SENT", 1L).containsEntry("FAILED", 1L);
        assertThat(sendLog.failures(9)).singleElement().satisfies(f -> {
            assertThat(f.email()).isEqualTo("d2@example.org");
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.lastError()).contains("550");
            assertThat(f.status()).isEqualTo("FAILED");
        });
    }
}
