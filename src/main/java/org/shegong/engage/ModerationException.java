package org.shegong.engage;

/** A moderation step refused, with the Chinese reason shown to the moderator. */
public class ModerationException extends RuntimeException {

    public ModerationException(String message) {
        super(message, null, false, false);
    }

    /** The question does not exist or the moderator may not see it (not told apart, on purpose). */
    public static class NotFound extends ModerationException {

        public NotFound(String message) {
            super(message);
        }
    }
}
