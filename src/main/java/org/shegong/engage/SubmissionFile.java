package org.shegong.engage;

/** A file an organisation sent with a submission, as stored by the media feature (kept here as a snapshot). */
public record SubmissionFile(long mediaId, String storageKey, String name, String contentType, boolean image,
                             long sizeBytes) {

    public String url() {
        return org.shegong.media.MediaUrls.of(storageKey);
    }

    /** "PDF，1.2 MB" for the list under the body and the editor's panel. */
    public String description() {
        return SubmissionFiles.label(contentType) + "，" + SubmissionFiles.size(sizeBytes);
    }
}
