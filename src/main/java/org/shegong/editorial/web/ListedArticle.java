package org.shegong.editorial.web;

import org.shegong.content.ArticleRow;

/** A line of the back office's lists: the article's list columns and where it stands in the workflow. */
public record ListedArticle(ArticleRow row, String columnName, String stage, String comment) {
}
