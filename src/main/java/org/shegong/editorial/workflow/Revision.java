package org.shegong.editorial.workflow;

import java.time.Instant;

/**
 * One immutable saved version of an article. {@code baseNumber} is the revision the editor started from;
 * {@code autosave} marks one the editor's autosave wrote.
 */
public record Revision(long articleId, int number, int baseNumber, RevisionContent content, Long createdBy,
                       String createdByName, Instant createdAt, boolean autosave) {
}
