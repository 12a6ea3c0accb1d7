package org.shegong.system.web;

/** A request whose parameters make no sense (a page number that is not a positive number, …). */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
