package org.shegong.admin.workflow;

/** An editorial action that was refused: not allowed in this state, not permitted, or invalid input. */
public class EditorialException extends RuntimeException {

    private final Kind kind;

    public EditorialException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public enum Kind { ILLEGAL_TRANSITION, FORBIDDEN, INVALID, NOT_FOUND }
}
