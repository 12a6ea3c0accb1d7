package org.shegong.system.web;

/**
 * The server has more of this kind of work than it can do now: answered 503 with {@code Retry-After}, a Chinese
 * page for people and problem details under {@code /api/} (ADR 0061). Refusing early keeps the requests it does
 * accept fast instead of letting every one of them slow down together.
 */
public class Overloaded extends RuntimeException {

    private final long retryAfterSeconds;

    public Overloaded(String message, long retryAfterSeconds) {
        super(message, null, false, false); // no stack trace: it is thrown most when the machine is busiest
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
