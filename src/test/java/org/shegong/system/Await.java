package org.shegong.system;

import java.util.function.BooleanSupplier;

/** Polls for what the outbox relay or a background thread makes true, failing the test after a deadline. */
public final class Await {

    private Await() {
    }

    public static void awaitWithin(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
