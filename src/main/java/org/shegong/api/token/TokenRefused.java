package org.shegong.api.token;

/** A request whose bearer token cannot act: missing, unknown, expired, revoked, or its owner disabled (401). */
public class TokenRefused extends RuntimeException {

    private final boolean missing;

    public TokenRefused(String message) {
        this(message, false);
    }

    public TokenRefused(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    /** No credentials at all: RFC 6750 then leaves the error code out of WWW-Authenticate. */
    public boolean missing() {
        return missing;
    }
}
