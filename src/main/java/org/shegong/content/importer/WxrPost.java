package org.shegong.content.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <item>} of a WordPress export as written: a post, page, attachment or anything else WordPress stores
 * as a post. {@code number} counts items from 1 in file order ("第 N 项"); {@code line} is where it starts.
 * Dates are WordPress's "yyyy-MM-dd HH:mm:ss" text, "0000-00-00 00:00:00" when unset.
 */
record WxrPost(int number, int line, String postId, String type, String status, String title, String content,
               String excerpt, String creator, String postDate, String postDateGmt, boolean sticky,
               List<Term> categories, List<String> tags, String thumbnailId, String attachedFile,
               String attachmentUrl, boolean tooLong) {

    /** A category as the item names it: its slug (nicename) and its display name. */
    record Term(String slug, String name) {
    }

    boolean isAttachment() {
        return "attachment".equals(type);
    }

    boolean isArticle() {
        return "post".equals(type) || "page".equals(type);
    }

    /** Filled while the item's elements are read. */
    static final class Builder {

        private final int number;
        private final int line;
        String postId;
        String type = "post";
        String status = "publish";
        String title;
        String content;
        String excerpt;
        String creator;
        String postDate;
        String postDateGmt;
        boolean sticky;
        boolean tooLong;
        String thumbnailId;
        String attachedFile;
        String attachmentUrl;
        private final List<Term> categories = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();

        Builder(int number, int line) {
            this.number = number;
            this.line = line;
        }

        void term(String domain, String slug, String name) {
            if ("category".equals(domain) && !name.isEmpty()) {
                categories.add(new Term(slug == null || slug.isBlank() ? name : slug, name));
            } else if ("post_tag".equals(domain) && !name.isEmpty() && !tags.contains(name)) {
                tags.add(name);
            }
        }

        void meta(String key, String value) {
            if ("_thumbnail_id".equals(key)) {
                thumbnailId = value;
            } else if ("_wp_attached_file".equals(key)) {
                attachedFile = value;
            }
        }

        WxrPost build() {
            return new WxrPost(number, line, postId, type, status, title, content, excerpt, creator, postDate,
                    postDateGmt, sticky, List.copyOf(categories), List.copyOf(tags), thumbnailId, attachedFile,
                    attachmentUrl, tooLong);
        }
    }
}
