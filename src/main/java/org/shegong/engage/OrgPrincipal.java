package org.shegong.engage;

import java.io.Serial;
import java.io.Serializable;

/**
 * A logged-in member organisation. Its only authority is ROLE_ORGANISATION, so every /admin page refuses it; the
 * organisation's details are read fresh from the database on each request.
 */
public record OrgPrincipal(long organisationId, String name, String credentialsStamp) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_ORGANISATION";

    static OrgPrincipal of(Organisation organisation) {
        return new OrgPrincipal(organisation.id(), organisation.name(), stampOf(organisation));
    }

    /**
     * Stands for the password the session logged in with (a digest of its hash, so the session holds nothing a
     * password could be guessed from): when the password is reset, every session with the old stamp ends.
     */
    static String stampOf(Organisation organisation) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(organisation.passwordHash().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean stillValidFor(Organisation organisation) {
        return organisation.id() == organisationId && credentialsStamp.equals(stampOf(organisation));
    }
}
