package org.shegong.system.backup;

/** An archive, backup or target database refused, with the Chinese reason shown to the operator. */
public class ArchiveRejected extends RuntimeException {

    public ArchiveRejected(String message) {
        super(message);
    }

    public ArchiveRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
