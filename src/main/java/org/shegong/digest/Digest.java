package org.shegong.digest;

import java.time.Instant;

/** A digest: its window, its article, and whether an editor has changed it since it was generated. */
public record Digest(long id, DigestWindow window, long articleId, Status status, String introduction,
                     boolean edited, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    public enum Status { DRAFT, PUBLISHED }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }
}
