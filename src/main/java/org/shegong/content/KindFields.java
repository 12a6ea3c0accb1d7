package org.shegong.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.shegong.system.ControlCharacters;

/**
 * The fields an item type adds to an article (ADR 0043): the cover any item may have (listings' thumbnail, the
 * 图片新闻 block), a 公示's period and objection contact, a 一图读懂's image and transcript, a 政策文件's 文号, 发文机关,
 * 成文日期, 效力 and attachment, a 视频's file, poster and external link. Files are root-relative paths of uploaded
 * media ("/media/ab/….jpg"), never absolute addresses; only the external link may leave the site. A field that
 * does not belong to the article's kind is kept (switching kind back loses nothing) but not shown.
 */
public record KindFields(String coverUrl, LocalDate noticeStart, LocalDate noticeEnd, String noticeContact,
                         String imageUrl, String transcript, String docNumber, String issuer, LocalDate writtenOn,
                         Validity validity, String attachmentUrl, String videoUrl, String posterUrl,
                         String externalUrl) {

    /** An uploaded file's address; the media feature's key shape (content may not depend on media). */
    private static final Pattern MEDIA = Pattern.compile("/media/[0-9a-f]{2}/[0-9a-f]{32}\\.[a-z0-9]{2,5}");
    private static final Pattern EXTERNAL = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s\"'<>\\\\]*)?");

    public static final KindFields NONE = new KindFields(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    public KindFields {
        coverUrl = clean(coverUrl);
        noticeContact = clean(noticeContact);
        imageUrl = clean(imageUrl);
        transcript = clean(transcript);
        docNumber = clean(docNumber);
        issuer = clean(issuer);
        attachmentUrl = clean(attachmentUrl);
        videoUrl = clean(videoUrl);
        posterUrl = clean(posterUrl);
        externalUrl = clean(externalUrl);
    }

    /** 效力 of a policy document. */
    public enum Validity {
        VALID("有效"), AMENDED("已修订"), REPEALED("已废止");

        private final String label;

        Validity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Validity parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            for (Validity v : values()) {
                if (v.name().equalsIgnoreCase(value.strip()) || v.label.equals(value.strip())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("效力须为 有效、已修订 或 已废止");
        }
    }

    /** A 公示's state on a day (China time); null when the article has no period. */
    public NoticeState noticeState(LocalDate today) {
        return NoticeState.of(noticeStart, noticeEnd, today);
    }

    /** The picture a listing shows small: the cover, else a 一图读懂's image, else a video's poster. */
    public String thumbnailSource() {
        return coverUrl != null ? coverUrl : imageUrl != null ? imageUrl : posterUrl;
    }

    /**
     * This value when every field is acceptable; otherwise IllegalArgumentException with the Chinese reason.
     * Files must be uploaded ones (the shape of a media key, so no javascript:, data: or other site's address
     * reaches a src attribute); only the external link may be an https address elsewhere.
     */
    public KindFields checked() {
        media(coverUrl, "封面图片");
        media(imageUrl, "一图读懂图片");
        media(attachmentUrl, "附件");
        media(videoUrl, "视频文件");
        media(posterUrl, "视频封面");
        if (externalUrl != null && (externalUrl.length() > 500 || !EXTERNAL.matcher(externalUrl).matches())) {
            throw new IllegalArgumentException("外部链接须以 https:// 开头，且不超过 500 字符");
        }
        if (noticeStart != null && noticeEnd != null && noticeEnd.isBefore(noticeStart)) {
            throw new IllegalArgumentException("公示期结束日期不能早于开始日期");
        }
        length(noticeContact, 300, "异议联系方式");
        length(docNumber, 100, "文号");
        length(issuer, 100, "发文机关");
        length(transcript, 100_000, "文字说明");
        return this;
    }

    private static void media(String url, String what) {
        if (url != null && !MEDIA.matcher(url).matches()) {
            throw new IllegalArgumentException(what + "须为本站上传的文件地址（/media/ 开头，可在媒体库复制）");
        }
    }

    private static void length(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + "不能超过 " + max + " 字");
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Name → text, for a revision's snapshot and the content hash; empty fields are left out. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "cover", coverUrl);
        put(map, "notice_start", noticeStart);
        put(map, "notice_end", noticeEnd);
        put(map, "notice_contact", noticeContact);
        put(map, "image", imageUrl);
        put(map, "transcript", transcript);
        put(map, "doc_number", docNumber);
        put(map, "issuer", issuer);
        put(map, "written_on", writtenOn);
        put(map, "validity", validity == null ? null : validity.name());
        put(map, "attachment", attachmentUrl);
        put(map, "video", videoUrl);
        put(map, "poster", posterUrl);
        put(map, "external", externalUrl);
        return map;
    }

    /** The inverse of {@link #toMap()}; throws IllegalArgumentException on a malformed date or 效力. */
    public static KindFields fromMap(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return NONE;
        }
        return new KindFields(map.get("cover"), date(map.get("notice_start")), date(map.get("notice_end")),
                map.get("notice_contact"), map.get("image"), map.get("transcript"), map.get("doc_number"),
                map.get("issuer"), date(map.get("written_on")), Validity.parse(map.get("validity")),
                map.get("attachment"), map.get("video"), map.get("poster"), map.get("external"));
    }

    public KindFields withCover(String url) {
        return new KindFields(url, noticeStart, noticeEnd, noticeContact, imageUrl, transcript, docNumber, issuer,
                writtenOn, validity, attachmentUrl, videoUrl, posterUrl, externalUrl);
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期格式不正确，请按 2021-08-27 填写：" + value.strip());
        }
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, Objects.toString(value));
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = ControlCharacters.clean(value).strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
