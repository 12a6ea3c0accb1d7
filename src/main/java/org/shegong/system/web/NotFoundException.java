package org.shegong.system.web;

/** The reader asked for a column, page or article that does not exist (or is not public). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
