package org.shegong.system.outbox;

import java.time.Instant;

/** A change that other features react to, recorded in the same transaction as the change itself. */
public record OutboxEvent(long id, String type, long aggregateId, String payload, Instant createdAt) {

    public static final String ARTICLE_PUBLISHED = "article.published";
    public static final String ARTICLE_UPDATED = "article.updated";
    public static final String ARTICLE_WITHDRAWN = "article.withdrawn";
    public static final String ARTICLE_IMPORTED = "article.imported";
    public static final String COLUMN_CHANGED = "column.changed";
    /**
     * An editorial step changed an article's working copy or stage (a save, submit, review, schedule …). Readers
     * see nothing new, so it is not an {@code article.*} event, which the public caches follow.
     */
    public static final String EDITORIAL_CHANGED = "editorial.changed";
}
