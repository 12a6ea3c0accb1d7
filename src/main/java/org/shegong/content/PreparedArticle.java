package org.shegong.content;

/**
 * An article ready to be stored in bulk: its content hash and list summary are derived up front, so that this
 * work (parsing the body) can run on other threads while one thread writes.
 */
public record PreparedArticle(ArticleInput input, String contentHash, String listSummary) {

    public static PreparedArticle of(ArticleInput input) {
        return new PreparedArticle(input, ArticleService.contentHash(input), ArticleService.listSummaryOf(input));
    }
}
