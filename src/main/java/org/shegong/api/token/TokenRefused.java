package org.shegong.api.token;

/** A request whose bearer token cannot act: missing, unknown, expired, revoked, or its owner disabled (401). */
public class TokenRefused extends RuntimeException {

    public TokenRefused(String message) {
        super(message);
    }
}
