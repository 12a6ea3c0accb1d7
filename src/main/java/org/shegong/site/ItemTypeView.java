package org.shegong.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.shegong.content.Article;
import org.shegong.content.Kind;
import org.shegong.content.KindFields;
import org.shegong.content.NoticeState;
import org.shegong.media.MediaFile;
import org.shegong.media.PublicMedia;

/**
 * What an article page shows of its item type's fields (ADR 0043), worked out once for the template: the 公示's
 * badge and period, the 一图读懂's image with its copies and transcript, the 政策文件's particulars and attachment,
 * the 视频's player, and the cover. Only the fields of the article's own kind are shown.
 */
public record ItemTypeView(Kind kind, KindFields fields, NoticeState noticeState, String noticePeriod,
                           Picture cover, Picture image, List<String> transcript, String writtenOn,
                           FileLink attachment, String videoType) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** An uploaded image: its address, copies for srcset (null without) and size when known. */
    public record Picture(String url, String srcset, Integer width, Integer height) {
    }

    /** A file to download: its address, name and size as readers read it (“PDF，1.2 MB”). */
    public record FileLink(String url, String name, String description) {
    }

    static ItemTypeView of(Article article, PublicMedia media, LocalDate today) {
        KindFields f = article.fields();
        Kind kind = article.kind();
        boolean notice = kind == Kind.NOTICE;
        return new ItemTypeView(kind, f,
                notice ? f.noticeState(today) : null,
                notice ? period(f.noticeStart(), f.noticeEnd()) : null,
                kind == Kind.INFOGRAPHIC || kind == Kind.VIDEO ? null : picture(f.coverUrl(), media),
                kind == Kind.INFOGRAPHIC ? picture(f.imageUrl(), media) : null,
                kind == Kind.INFOGRAPHIC ? paragraphs(f.transcript()) : List.of(),
                f.writtenOn() == null ? null : DAY.format(f.writtenOn()),
                kind == Kind.POLICY ? file(f.attachmentUrl(), media) : null,
                f.videoUrl() == null ? null : f.videoUrl().endsWith(".webm") ? "video/webm" : "video/mp4");
    }

    public boolean is(String kindName) {
        return kind.name().equals(kindName);
    }

    static String period(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return null;
        }
        if (start == null) {
            return "至" + DAY.format(end);
        }
        return DAY.format(start) + "至" + (end == null ? "" : DAY.format(end));
    }

    private static Picture picture(String url, PublicMedia media) {
        if (url == null) {
            return null;
        }
        MediaFile file = media.file(url).orElse(null);
        return new Picture(url, media.srcset(url), file == null ? null : file.width(),
                file == null ? null : file.height());
    }

    private static FileLink file(String url, PublicMedia media) {
        if (url == null) {
            return null;
        }
        MediaFile file = media.file(url).orElse(null);
        if (file == null) {
            return new FileLink(url, "下载文件", "");
        }
        String ext = file.storageKey().substring(file.storageKey().lastIndexOf('.') + 1).toUpperCase();
        return new FileLink(url, file.originalName(), ext + "，" + size(file.sizeBytes()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
