package org.shegong.content;

/** Where an article stands; only LIVE articles are on the public site. */
public enum ArticleStatus {
    DRAFT, LIVE, WITHDRAWN
}
