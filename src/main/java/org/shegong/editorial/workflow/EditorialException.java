package org.shegong.editorial.workflow;

import org.shegong.system.web.Refusal;

/** An editorial action that was refused: not allowed in this state, not permitted, or invalid input. */
public class EditorialException extends Refusal {

    private final Kind kind;

    public EditorialException(Kind kind, String message) {
        super(switch (kind) {
            case ILLEGAL_TRANSITION -> Refusal.Kind.CONFLICT;
            case FORBIDDEN -> Refusal.Kind.FORBIDDEN;
            case INVALID -> Refusal.Kind.INVALID;
            case NOT_FOUND -> Refusal.Kind.NOT_FOUND;
        }, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public enum Kind { ILLEGAL_TRANSITION, FORBIDDEN, INVALID, NOT_FOUND }
}
