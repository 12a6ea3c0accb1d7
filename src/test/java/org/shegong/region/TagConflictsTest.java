package org.shegong.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** A tagging transaction that met another writer's rows is done again; other failures are not. */
class TagConflictsTest {

    @Test
    void aTransactionThatMetAnotherWritersRowsIsDoneAgain() {
        AtomicInteger runs = new AtomicInteger();
        TagConflicts.retry(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new DuplicateKeyException("article_region (56, 371400)");
            }
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void aConflictThatLastsIsReportedAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TagConflicts.retry(() -> {
            runs.incrementAndGet();
            throw new DuplicateKeyException("always");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs).hasValue(TagConflicts.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRepeated() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TagConflicts.retry(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }
}
