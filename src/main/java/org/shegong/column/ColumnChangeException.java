package org.shegong.column;

/** A column change refused for a reason the administrator can fix; the message is shown as is. */
public class ColumnChangeException extends RuntimeException {

    private final boolean notFound;

    ColumnChangeException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    static ColumnChangeException invalid(String message) {
        return new ColumnChangeException(message, false);
    }

    public static ColumnChangeException missing() {
        return new ColumnChangeException("没有这个栏目", true);
    }

    public boolean isNotFound() {
        return notFound;
    }
}
