package org.shegong.account;

/** A refused account operation; the message is Chinese and meant for the person who asked. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
