package org.shegong.column;

import org.shegong.system.web.Refusal;

/** A column change refused for a reason the administrator can fix; the message is shown as is. */
public class ColumnChangeException extends Refusal {

    ColumnChangeException(String message, boolean notFound) {
        super(notFound ? Kind.NOT_FOUND : Kind.INVALID, message);
    }

    static ColumnChangeException invalid(String message) {
        return new ColumnChangeException(message, false);
    }

    public static ColumnChangeException missing() {
        return new ColumnChangeException("没有这个栏目", true);
    }

    public boolean isNotFound() {
        return refusalKind() == Kind.NOT_FOUND;
    }
}
