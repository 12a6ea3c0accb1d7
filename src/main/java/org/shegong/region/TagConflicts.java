package org.shegong.region;

import org.springframework.dao.DuplicateKeyException;

/**
 * Two writers tagging the same article at once (the outbox follower and a full re-tag, or two re-tags) can both delete
 * its rows and then both insert them: the second insert meets the first's committed rows and its transaction fails
 * with a duplicate key, rolled back whole. Doing the work again in a new transaction reads the other writer's rows and
 * replaces them (or finds them already right), so a conflict costs a repeat, never a failed re-tag.
 */
final class TagConflicts {

    static final int ATTEMPTS = 5;

    private TagConflicts() {
    }

    /** Runs {@code transaction} (a whole transaction, not a part of one) until it meets no such conflict. */
    static void retry(Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (DuplicateKeyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    /**
     * A random pause before the next attempt: two writers that collided and retried at once would walk into each other
     * again (full re-tags on two nodes go through the articles in the same order and at the same pace).
     */
    private static void pause(int attempt, DuplicateKeyException conflict) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }
}
