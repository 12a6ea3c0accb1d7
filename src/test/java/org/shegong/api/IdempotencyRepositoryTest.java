package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;
import org.springframework.dao.DuplicateKeyException;

/** Idempotency keys on H2, PostgreSQL and MariaDB: the unique claim holds under concurrency; answers; expiry. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseTarget.class)
class IdempotencyRepositoryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:00:00.123456Z");

    @Parameter
    DatabaseTarget target;

    TestDatabase db;
    IdempotencyRepository keys;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(target);
        keys = new IdempotencyRepository(db.jdbc());
    }

    @Test
    void ofManyConcurrentClaimsOfOneKeyExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> claim = () -> {
                start.await();
                try {
                    keys.claim(1, "same-key", "hash", NOW);
                    return true;
                } catch (DuplicateKeyException e) {
                    return false;
                }
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        // Another token may use the same key.
        keys.claim(2, "same-key", "hash", NOW);
    }

    @Test
    void anAnswerIsStoredReleasedClaimsAndExpiredKeysAreFree() {
        long id = keys.claim(1, "k1", "h1", NOW);
        assertThat(keys.find(1, "k1").orElseThrow().status()).isNull();
        keys.complete(id, 201, "/api/v1/drafts/5", "{\"id\":5,\"title\":\"社工站\"}");
        IdempotencyRepository.Entry entry = keys.find(1, "k1").orElseThrow();
        assertThat(entry.status()).isEqualTo(201);
        assertThat(entry.location()).isEqualTo("/api/v1/drafts/5");
        assertThat(entry.body()).contains("社工站");
        assertThat(entry.createdAt()).isEqualTo(NOW);
        keys.release(id);
        assertThat(keys.find(1, "k1")).as("an answered key is not released").isPresent();

        long pending = keys.claim(1, "k2", "h2", NOW);
        keys.release(pending);
        assertThat(keys.find(1, "k2")).isEmpty();

        long stale = keys.claim(1, "k3", "h3", NOW);
        assertThat(keys.dropStale(stale, NOW)).isFalse();
        assertThat(keys.dropStale(stale, NOW.plusSeconds(1))).isTrue();

        assertThat(keys.expire(1, NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(keys.find(1, "k1")).isEmpty();
    }
}
