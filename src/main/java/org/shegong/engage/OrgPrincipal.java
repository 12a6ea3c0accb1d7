package org.shegong.engage;

import java.io.Serial;
import java.io.Serializable;

/**
 * A logged-in member organisation. Its only authority is ROLE_ORGANISATION, so every /admin page refuses it; the
 * organisation's details are read fresh from the database on each request.
 */
public record OrgPrincipal(long organisationId, String name) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE = "ROLE_ORGANISATION";
}
