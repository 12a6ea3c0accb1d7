package org.shegong.media;

import org.shegong.system.web.Refusal;

/** An upload refused for a reason the uploader can act on; the message is shown to them as is. */
public class UploadRejected extends Refusal {

    private UploadRejected(Kind kind, String message) {
        super(kind, message);
    }

    public static UploadRejected badRequest(String message) {
        return new UploadRejected(Kind.INVALID, message);
    }

    public static UploadRejected tooLarge(String message) {
        return new UploadRejected(Kind.TOO_LARGE, message);
    }
}
