package org.shegong.account;

/**
 * What a back-office route needs, site-wide. Rights on one article or one column (ownership, a grant in the
 * article's columns) are checked again, with the facts of the target, by the action or page that handles it.
 */
public enum Permission {
    /** The login page: open to everyone. */
    ANYONE("访问"),
    /** Any signed-in staff member: the dashboard, one's own password. */
    STAFF("进入后台"),
    /** Holds a grant in at least one column: the article list, search, editor and workflow actions. */
    ARTICLES("撰写或处理稿件"),
    /** An editor (初审/采编) or higher in some column: 一周动态 (the digest column's grant is checked inside). */
    DIGESTS("管理一周动态"),
    /** A chief editor (终审) in some column: how the newsletter's mailings went. */
    NEWSLETTER("查看电子报发送情况"),
    COLUMNS("管理栏目"),
    USERS("管理用户和栏目授权"),
    AUDIT("查看操作日志"),
    SENSITIVE_WORDS("管理敏感词"),
    SEARCH_INDEX("管理搜索索引"),
    /** Holds a grant in at least one column: upload to and reuse from the media library (deleting: own files). */
    MEDIA("使用媒体库"),
    /** An editor or higher in some column: the 互动交流 queue (each question's column is checked inside). */
    INTERACT("处理互动留言"),
    /** A chief editor in some column: the home page's slots and the 专题 pages. */
    SLOTS("管理首页版位和专题"),
    /** A chief editor in some column: the search dictionary and synonyms. */
    SEARCH_VOCABULARY("维护搜索词典"),
    SITE_PAGES("管理单页"),
    DUPLICATES("查看相似文章");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** What the person may do, as it reads in "您没有…的权限". */
    public String label() {
        return label;
    }
}
