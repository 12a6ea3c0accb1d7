package org.shegong.content.importer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a WordPress export says about its whole site, collected by the first pass: the version and base address,
 * authors by login, categories by slug, the uploads path of every attachment by its post id, how many items
 * there are, and the site's UTC offset as its dated posts show it (WXR does not state it; post_date minus
 * post_date_gmt does).
 */
final class WxrSite {

    static final String NO_DATE = "0000-00-00 00:00:00";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    record Category(String slug, String name, String parentSlug) {
    }

    private String wxrVersion;
    private String baseSiteUrl;
    private String baseBlogUrl;
    private final Map<String, String> authors = new HashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, String> attachments = new HashMap<>();
    /** How many dated items show each offset (seconds): the most common one is the site's. */
    private final Map<Integer, Integer> offsets = new HashMap<>();
    private int items;
    private int articles;

    void wxrVersion(String value) {
        wxrVersion = value;
    }

    void baseSiteUrl(String value) {
        baseSiteUrl = value;
    }

    void baseBlogUrl(String value) {
        baseBlogUrl = value;
    }

    void author(String login, String displayName) {
        if (login != null && displayName != null && !displayName.isBlank()) {
            authors.put(login, displayName.strip());
        }
    }

    void category(String slug, String name, String parentSlug) {
        if (slug != null && name != null) {
            categories.put(slug, new Category(slug, name, parentSlug == null || parentSlug.isBlank() ? null : parentSlug));
        }
    }

    /** Counts an item and keeps what other items may refer to. */
    void count(WxrPost post) {
        items++;
        if (post.isArticle()) {
            articles++;
        }
        if (post.isAttachment() && post.postId() != null) {
            String path = post.attachedFile() != null ? post.attachedFile() : uploadsPath(post.attachmentUrl());
            if (path != null) {
                attachments.put(post.postId(), path);
            }
        }
        Optional<LocalDateTime> local = date(post.postDate());
        Optional<LocalDateTime> gmt = date(post.postDateGmt());
        if (local.isPresent() && gmt.isPresent()) {
            long seconds = Duration.between(gmt.get(), local.get()).getSeconds();
            if (Math.abs(seconds) <= 18 * 3600 && seconds % 900 == 0) {
                offsets.merge((int) seconds, 1, Integer::sum);
            }
        }
    }

    /** A WordPress date, empty when unset ("0000-00-00 00:00:00") or unreadable. */
    static Optional<LocalDateTime> date(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip(), WP_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The part of an address after "/wp-content/uploads/" (the path inside the uploads folder), or null. */
    static String uploadsPath(String url) {
        if (url == null) {
            return null;
        }
        int at = url.indexOf("/wp-content/uploads/");
        if (at < 0) {
            return null;
        }
        String path = url.substring(at + "/wp-content/uploads/".length());
        int end = path.indexOf('?') >= 0 ? path.indexOf('?') : path.indexOf('#');
        return end >= 0 ? path.substring(0, end) : path;
    }

    String wxrVersion() {
        return wxrVersion;
    }

    /** The site's address; the blog's when the site's is missing (WXR 1.0). */
    String baseUrl() {
        String url = baseSiteUrl != null && !baseSiteUrl.isBlank() ? baseSiteUrl : baseBlogUrl;
        return url == null ? "" : url.strip();
    }

    String authorName(String login) {
        return login == null ? null : authors.getOrDefault(login, login);
    }

    Optional<Category> category(String slug) {
        return Optional.ofNullable(categories.get(slug));
    }

    Optional<String> attachment(String postId) {
        return Optional.ofNullable(postId == null ? null : attachments.get(postId.strip()));
    }

    /**
     * The offset most dated items show. Not the first one's: WordPress dates the posts it makes at installation
     * (Hello world!) before the site's time zone is set, so a few early items may show +00:00.
     */
    Optional<ZoneOffset> offset() {
        return offsets.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> ZoneOffset.ofTotalSeconds(e.getKey()));
    }

    int items() {
        return items;
    }

    int articles() {
        return articles;
    }
}
