package org.shegong.media;

/** An upload refused for a reason the uploader can act on; the message is shown to them as is. */
public class UploadRejected extends RuntimeException {

    private final int status;

    public UploadRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public static UploadRejected badRequest(String message) {
        return new UploadRejected(400, message);
    }

    public static UploadRejected tooLarge(String message) {
        return new UploadRejected(413, message);
    }

    public int status() {
        return status;
    }
}
