package org.shegong.account;

/** A refused account operation; the message is Chinese and meant for the person who asked. */
public class AccountException extends RuntimeException {

    private final boolean notFound;

    public AccountException(String message) {
        this(message, false);
    }

    public AccountException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean isNotFound() {
        return notFound;
    }
}
