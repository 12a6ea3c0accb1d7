package org.shegong.topic;

/** A refused slot or topic change, with the Chinese reason for the editor. */
public class TopicException extends RuntimeException {

    public TopicException(String message) {
        super(message, null, false, false);
    }

    /** The actor may not curate at all. */
    public static class Forbidden extends TopicException {

        public Forbidden(String message) {
            super(message);
        }
    }
}
