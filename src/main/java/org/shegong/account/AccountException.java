package org.shegong.account;

import org.shegong.system.web.Refusal;

/** A refused account operation; the message is Chinese and meant for the person who asked. */
public class AccountException extends Refusal {

    public AccountException(String message) {
        this(message, false);
    }

    public AccountException(String message, boolean notFound) {
        super(notFound ? Kind.NOT_FOUND : Kind.INVALID, message);
    }

    public boolean isNotFound() {
        return refusalKind() == Kind.NOT_FOUND;
    }
}
