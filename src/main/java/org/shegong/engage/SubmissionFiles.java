package org.shegong.engage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.shegong.content.BodyHtml;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaKind;
import org.shegong.media.MediaService;
import org.shegong.media.SniffedType;
import org.shegong.media.UploadRejected;
import org.shegong.system.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The attachments of a 投稿, handed to the media feature (type by content, images re-encoded, random keys) under
 * the organisation's actor id, so its quota and the library see who sent them. Only PDF, Word, Excel and images
 * are taken. Everything is checked that can be before the first byte is stored; when a later file is refused,
 * the ones already stored are removed again, so a refused submission leaves nothing behind.
 */
@Component
class SubmissionFiles {

    private static final Logger log = LoggerFactory.getLogger(SubmissionFiles.class);

    static final String REFUSED = "投稿附件只接受 PDF、Word（.doc、.docx）、Excel（.xls、.xlsx）和图片（JPEG、PNG、GIF、WebP）";
    private static final Set<String> DOCUMENTS = Set.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Predicate<SniffedType> ACCEPTED =
            type -> type.kind() == MediaKind.IMAGE || DOCUMENTS.contains(type.contentType());

    private final MediaService media;
    private final SubmissionProperties limits;

    SubmissionFiles(MediaService media, SubmissionProperties limits) {
        this.media = media;
        this.limits = limits;
    }

    /** The files the form really carries (a browser sends one empty part when none was chosen). */
    static List<MultipartFile> chosen(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
    }

    /** What can be refused without reading the files: how many, how large, the organisation's quota. */
    void check(Organisation organisation, List<MultipartFile> files) {
        if (files.size() > limits.maxFiles()) {
            throw new Refusal(Refusal.Kind.INVALID, "每篇投稿最多 " + limits.maxFiles() + " 个附件");
        }
        long total = 0;
        for (MultipartFile file : files) {
            if (file.getSize() > limits.maxFile().toBytes()) {
                throw UploadRejected.tooLarge("附件“" + name(file) + "”有 " + size(file.getSize()) + "，每个附件不能超过 "
                        + size(limits.maxFile().toBytes()));
            }
            total += file.getSize();
        }
        if (media.storedBy(organisation.actorId()) + total > limits.quota().toBytes()) {
            throw UploadRejected.tooLarge("本单位的附件已达上限（共 " + size(limits.quota().toBytes())
                    + "），请精简附件或联系网站管理员");
        }
    }

    /** Stores every file or none: on a refusal the ones stored before it are removed and the refusal thrown. */
    List<SubmissionFile> store(Organisation organisation, List<MultipartFile> files) throws IOException {
        List<SubmissionFile> stored = new ArrayList<>();
        try {
            for (MultipartFile file : files) {
                MediaFile saved;
                try (InputStream in = file.getInputStream()) {
                    saved = media.upload(organisation.actorId(), file.getOriginalFilename(), in, ACCEPTED, REFUSED);
                } catch (UploadRejected e) {
                    throw new Refusal(e.refusalKind(), "附件“" + name(file) + "”：" + e.getMessage());
                }
                stored.add(new SubmissionFile(saved.id(), saved.storageKey(), saved.originalName(),
                        saved.contentType(), saved.kind() == MediaKind.IMAGE, saved.sizeBytes()));
            }
            return stored;
        } catch (IOException | RuntimeException e) {
            remove(organisation, stored);
            throw e;
        }
    }

    /** Removes files whose submission did not go through. */
    void remove(Organisation organisation, List<SubmissionFile> files) {
        for (SubmissionFile file : files) {
            try {
                media.delete(organisation.actorId(), false, file.mediaId());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove attachment {} of a failed submission", file.storageKey(), e);
            }
        }
    }

    /**
     * The files as body HTML after the text: pictures shown, documents as a list of links. Root-relative
     * addresses only (stored content never holds the site's address); names escaped.
     */
    static String html(List<SubmissionFile> files) {
        StringBuilder html = new StringBuilder();
        for (SubmissionFile file : files) {
            if (file.image()) {
                html.append("<p><img src=\"").append(file.url()).append("\" alt=\"")
                        .append(BodyHtml.escape(file.name())).append("\"></p>");
            }
        }
        List<SubmissionFile> documents = files.stream().filter(f -> !f.image()).toList();
        if (!documents.isEmpty()) {
            html.append("<p><strong>附件：</strong></p><ul>");
            for (SubmissionFile file : documents) {
                html.append("<li><a href=\"").append(file.url()).append("\">").append(BodyHtml.escape(file.name()))
                        .append("</a>（").append(file.description()).append("）</li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    static String label(String contentType) {
        if (contentType == null) {
            return "文件";
        }
        if (contentType.startsWith("image/")) {
            return "图片";
        }
        if (contentType.equals("application/pdf")) {
            return "PDF";
        }
        return contentType.contains("word") ? "Word" : contentType.contains("excel") || contentType.contains("sheet")
                ? "Excel" : "文件";
    }

    static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String line = ReaderText.line(name.length() > 60 ? name.substring(0, 60) : name);
        return line == null ? "未命名文件" : line;
    }
}
