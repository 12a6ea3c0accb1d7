package org.shegong.system.web;

/**
 * A request the application refuses, with a Chinese message for the person who asked. Every feature's
 * refusal is one of these, and {@link Kind#status()} is the one place a refusal becomes an HTTP status.
 */
public class Refusal extends RuntimeException {

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind refusalKind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public enum Kind {
        /** The person lacks the right for this action or page. */
        FORBIDDEN(403),
        /** What the request names does not exist (or is not visible to this person). */
        NOT_FOUND(404),
        /** The thing is not in a state that allows this (an illegal workflow step, a stale version). */
        CONFLICT(409),
        /** The request's values are wrong. */
        INVALID(400),
        /** The request carries more than is allowed (an upload over its size limit or over the person's quota). */
        TOO_LARGE(413),
        /** A service the request needs is away for now (the search cluster); asking again later may succeed. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
