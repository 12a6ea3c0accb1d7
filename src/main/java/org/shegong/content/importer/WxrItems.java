package org.shegong.content.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shegong.content.ArticleStatus;
import org.shegong.content.BodyHtml;
import org.shegong.content.Texts;

/**
 * Makes import items of a WordPress export's posts and pages (docs/adr/0051): status publish is live, draft,
 * pending and future are drafts, private and trash are left out and reported; the publication time is
 * post_date_gmt, or post_date at the site's offset when WordPress left the GMT date unset (drafts); the author is
 * the display name; the featured image and pictures in the text are stored from the uploads folder. The external
 * id is the site's address and the post id, so importing the file again updates instead of duplicating.
 */
final class WxrItems {

    private static final Map<String, ArticleStatus> STATUSES = Map.of("publish", ArticleStatus.LIVE,
            "draft", ArticleStatus.DRAFT, "pending", ArticleStatus.DRAFT, "future", ArticleStatus.DRAFT);
    private static final int MAX_TAGS = 20;

    private final WxrSite site;
    private final WxrImporter.Options options;
    private final WxrColumns columns;
    private final MediaFiles files;
    private final ImportReport report;
    private final String idPrefix;
    private final ZoneOffset offset;
    private final Map<String, String> stored = new HashMap<>();

    WxrItems(WxrSite site, WxrImporter.Options options, WxrColumns columns, MediaFiles files, ImportReport report) {
        this.site = site;
        this.options = options;
        this.columns = columns;
        this.files = files;
        this.report = report;
        this.idPrefix = idPrefix(site.baseUrl());
        this.offset = site.offset().orElse(options.offset());
    }

    /** The item for a post or page; empty (and reported unless it is an attachment) for everything else. */
    Optional<ImportItem> toItem(WxrPost post) {
        if (post.isAttachment()) {
            return Optional.empty();
        }
        if (!post.isArticle()) {
            return omit(post, "类型为 " + post.type() + " 的内容不导入");
        }
        ArticleStatus status = STATUSES.get(post.status());
        if (status == null) {
            return omit(post, switch (post.status()) {
                case "private" -> "私密文章不导入";
                case "trash" -> "回收站中的文章不导入";
                default -> "状态为 " + post.status() + " 的文章不导入";
            });
        }
        if (post.tooLong()) {
            return fail(post, "标题或正文超过 " + WxrReader.MAX_TEXT + " 个字符");
        }
        if (post.title() == null || Texts.trim(post.title()).isEmpty()) {
            return fail(post, "缺少标题 (title)");
        }
        if (post.postId() == null || !post.postId().matches("[0-9]{1,19}")) {
            return fail(post, "缺少或无法识别 wp:post_id");
        }
        Instant publishedAt = publishedAt(post);
        if (publishedAt == null && status == ArticleStatus.LIVE) {
            return fail(post, "缺少发布时间 (wp:post_date_gmt / wp:post_date)");
        }
        List<String> slugs = "page".equals(post.type()) ? pageColumn() : columns.of(post);
        if (slugs.isEmpty() && options.defaultColumn() != null) {
            slugs = List.of(options.defaultColumn());
        }
        if (slugs.isEmpty()) {
            return "page".equals(post.type()) ? omit(post, "页面不导入：未用 --pages-column= 指定页面所在栏目")
                    : fail(post, "没有可归入的栏目（分类: " + post.categories().stream().map(WxrPost.Term::name).toList()
                            + "）；可用 --column= 指定默认栏目或 --columns= 映射");
        }
        List<String> tags = post.tags();
        if (tags.size() > MAX_TAGS) {
            report.note(report.problem(post.number(), "标签超过 " + MAX_TAGS + " 个，只导入前 " + MAX_TAGS + " 个"));
            tags = tags.subList(0, MAX_TAGS);
        }
        String body = WxrBody.convert(post.content(), site.baseUrl(), path -> upload(post, path));
        Map<String, String> fields = new HashMap<>();
        site.attachment(post.thumbnailId()).map(path -> upload(post, path)).ifPresent(url -> fields.put("cover", url));
        String summary = post.excerpt() == null ? null : Texts.trim(BodyHtml.plainText(post.excerpt()));
        return Optional.of(new ImportItem(post.number(), idPrefix + post.postId(), slugs, Texts.trim(post.title()),
                null, summary == null || summary.isEmpty() ? null : summary, body, publishedAt, false, null,
                site.authorName(post.creator()), null, tags, null, post.sticky(), null, fields, status));
    }

    private List<String> pageColumn() {
        return options.pagesColumn() == null ? List.of() : List.of(options.pagesColumn());
    }

    private Instant publishedAt(WxrPost post) {
        Optional<LocalDateTime> gmt = WxrSite.date(post.postDateGmt());
        if (gmt.isPresent()) {
            return gmt.get().toInstant(ZoneOffset.UTC);
        }
        return WxrSite.date(post.postDate()).map(local -> local.toInstant(offset)).orElse(null);
    }

    /**
     * The portal address of a file in the uploads folder, stored once per run; null (the old address stays, and
     * the item says so) when no uploads folder was given or the file is missing or refused. A resized copy
     * (name-300x180.jpg) that WordPress made but the folder lacks falls back to the original.
     */
    private String upload(WxrPost post, String path) {
        if (!files.storesFiles()) {
            return null;
        }
        String decoded = decode(path);
        if (stored.containsKey(decoded)) {
            return stored.get(decoded);
        }
        String url = null;
        String reason = null;
        for (String candidate : List.of(decoded, decoded.replaceFirst("-[0-9]{1,5}x[0-9]{1,5}(\\.[A-Za-z0-9]+)$", "$1"))) {
            try {
                url = files.resolve(candidate);
                break;
            } catch (ImportRejected e) {
                reason = reason == null ? e.getMessage() : reason;
            }
        }
        if (url == null) {
            report.note(report.problem(post.number(), "上传文件 " + JsonLinesParser.abbreviate(decoded)
                    + " 未能导入，保留原地址（" + reason + "）"));
        }
        if (stored.size() < 100_000) {
            stored.put(decoded, url);
        }
        return url;
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** "wp:" + the site's address without scheme + "?p=": short sites keep it readable, long ones are hashed. */
    static String idPrefix(String baseUrl) {
        String site = baseUrl.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/+$", "");
        if (site.length() > 80) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(site.getBytes(StandardCharsets.UTF_8));
                site = HexFormat.of().formatHex(digest, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "wp:" + site + "?p=";
    }

    private Optional<ImportItem> omit(WxrPost post, String reason) {
        report.countOmitted(report.problem(post.number(), reason + "（" + title(post) + "）"));
        return Optional.empty();
    }

    private Optional<ImportItem> fail(WxrPost post, String reason) {
        report.countFailed(report.problem(post.number(), reason + (post.title() == null || post.title().isBlank()
                ? "（文件第 " + post.line() + " 行）" : "（" + title(post) + "）")));
        return Optional.empty();
    }

    private static String title(WxrPost post) {
        return post.title() == null ? "无标题" : JsonLinesParser.abbreviate(Texts.trim(post.title()));
    }
}
