package org.shegong.api.token;

import org.shegong.account.Actor;

/** The token of an API request and the actor it acts as: its owner, restricted to the token's role and columns. */
public record TokenCaller(ApiToken token, Actor actor) {

    /** The request attribute the write API's handlers read it from. */
    public static final String ATTRIBUTE = "org.shegong.api.token.TokenCaller";
}
