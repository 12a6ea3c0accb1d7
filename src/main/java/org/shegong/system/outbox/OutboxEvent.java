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
    /**
     * Readers' questions shown with an article changed (one was published with its answer, or taken down); the
     * aggregate is the article's id. Only the article's rendered page is stale, not the article.
     */
    public static final String DISCUSSION_CHANGED = "discussion.changed";
    /**
     * An article's region tags or region listing rows changed (written by the node that tagged it, in the same
     * transaction); the aggregate is the article's id, the payload the region codes whose listings changed
     * (comma-separated; empty: none; null: unknown, any). Aggregate 0: every article was re-tagged. Every node's
     * region pages, page cache and search index follow it.
     */
    public static final String REGIONS_CHANGED = "regions.changed";
    /** An editor changed the home page's slots (头条, 图片新闻, 推荐阅读); aggregate id 0. */
    public static final String HOME_SLOTS_CHANGED = "home.slots_changed";
    /**
     * Many articles were stored without an event each (the bulk import); aggregate id 0. Consumers treat it as
     * "any article may have changed": caches are cleared and the search index is rebuilt.
     */
    public static final String ARTICLES_BULK_IMPORTED = "articles.bulk_imported";

    /** Whether this event may change what articles show: one article's event or a bulk import. */
    public boolean concernsArticles() {
        return type.startsWith("article.") || ARTICLES_BULK_IMPORTED.equals(type);
    }

    public boolean isBulkImport() {
        return ARTICLES_BULK_IMPORTED.equals(type);
    }
}
