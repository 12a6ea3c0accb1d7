package org.shegong.engage;

import java.time.Instant;

/**
 * A reader's question or message (留言/咨询) and, once a moderator has published it, the public answer. The contact
 * is for staff only. {@code flags} says why a moderator should look closely (sensitive words, links), or is null.
 */
public record Question(long id, Long articleId, Long columnId, String askerName, String contact, String title,
                       String body, QuestionState state, String flags, String clientAddress, Instant createdAt,
                       String answer, String answeredByName, Instant answeredAt, String moderationNote, int version) {

    /** The name shown on the public page: readers may stay anonymous. */
    public String publicName() {
        return askerName == null ? "网友" : askerName;
    }

    public boolean siteWide() {
        return columnId == null;
    }
}
