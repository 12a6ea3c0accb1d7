package org.shegong.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its bytes (Tika's magic numbers) and checks it against the allow-list. The
 * uploaded name and the browser's Content-Type are never given to the detector. Two families need one more
 * look: OOXML documents are ZIP files (told apart by their main part), and legacy Office files share one OLE2
 * container, for which the name's extension picks doc/xls/ppt among the three (the bytes have been checked
 * to be an Office container, and it is always served as a download).
 */
@Component
public class ContentSniffer {

    private static final Map<String, SniffedType> ALLOWED = Map.ofEntries(
            Map.entry("image/jpeg", new SniffedType(MediaKind.IMAGE, "image/jpeg", "jpg")),
            Map.entry("image/png", new SniffedType(MediaKind.IMAGE, "image/png", "png")),
            Map.entry("image/gif", new SniffedType(MediaKind.IMAGE, "image/gif", "gif")),
            Map.entry("image/webp", new SniffedType(MediaKind.IMAGE, "image/webp", "webp")),
            Map.entry("application/pdf", new SniffedType(MediaKind.ATTACHMENT, "application/pdf", "pdf")),
            Map.entry("text/plain", new SniffedType(MediaKind.ATTACHMENT, "text/plain; charset=UTF-8", "txt")),
            Map.entry("application/zip", new SniffedType(MediaKind.ATTACHMENT, "application/zip", "zip")),
            Map.entry("video/mp4", new SniffedType(MediaKind.VIDEO, "video/mp4", "mp4")),
            Map.entry("video/webm", new SniffedType(MediaKind.VIDEO, "video/webm", "webm")));

    private static final SniffedType DOCX = new SniffedType(MediaKind.ATTACHMENT,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    private static final SniffedType XLSX = new SniffedType(MediaKind.ATTACHMENT,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    private static final SniffedType PPTX = new SniffedType(MediaKind.ATTACHMENT,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    private static final Map<String, SniffedType> LEGACY_OFFICE = Map.of(
            "doc", new SniffedType(MediaKind.ATTACHMENT, "application/msword", "doc"),
            "xls", new SniffedType(MediaKind.ATTACHMENT, "application/vnd.ms-excel", "xls"),
            "ppt", new SniffedType(MediaKind.ATTACHMENT, "application/vnd.ms-powerpoint", "ppt"));

    static final String REFUSED = "不支持此类文件。可上传：图片（JPEG、PNG、GIF、WebP），附件（PDF、Word、Excel、PowerPoint、ZIP、TXT），视频（MP4、WebM）";

    /** Tika's type table, read at the first upload rather than at every start (a few hundred milliseconds). */
    private static final class Types {
        static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();
    }

    /** The allowed type of the file, or {@link UploadRejected} naming what is accepted. */
    public SniffedType sniff(Path file, String uploadedName) throws IOException {
        String detected = detect(file);
        SniffedType allowed = ALLOWED.get(detected);
        if (allowed != null) {
            return "application/zip".equals(detected) ? officeOrZip(file) : allowed;
        }
        if ("application/x-tika-ooxml".equals(detected)) {
            SniffedType office = officeOrZip(file);
            if (office != null && !"zip".equals(office.extension())) {
                return office;
            }
        }
        if (detected.equals("application/x-tika-msoffice") || detected.equals("application/msword")
                || detected.equals("application/vnd.ms-excel") || detected.equals("application/vnd.ms-powerpoint")) {
            SniffedType legacy = LEGACY_OFFICE.get(extensionOf(uploadedName));
            if (legacy != null) {
                return legacy;
            }
            throw UploadRejected.badRequest("无法确定这个 Office 文件的类型：请以 .doc、.xls 或 .ppt 结尾的文件名上传，或另存为 .docx/.xlsx/.pptx");
        }
        if ((detected.equals("video/quicktime") || detected.equals("application/mp4")) && isMp4(file)) {
            return ALLOWED.get("video/mp4");
        }
        if (isWebm(file)) {
            return ALLOWED.get("video/webm");
        }
        if (detected.startsWith("image/svg")) {
            throw UploadRejected.badRequest("不接受 SVG 图片（其中可含脚本）。请导出为 PNG 后上传");
        }
        throw UploadRejected.badRequest(REFUSED);
    }

    String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return Types.DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        }
    }

    private static SniffedType officeOrZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return PPTX;
                }
            }
            return ALLOWED.get("application/zip");
        } catch (java.util.zip.ZipException e) {
            throw UploadRejected.badRequest("ZIP 文件已损坏，无法读取");
        }
    }

    /**
     * Tika's magic knows only the mp41/mp42 brands as MP4; encoders (ffmpeg, phones) mostly write isom, iso2..6,
     * avc1 or dash, which it calls QuickTime. The ISO base media brands are MP4; QuickTime's own ("qt  ") is not.
     */
    private static boolean isMp4(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) {
                return false;
            }
        }
        String box = new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return box.equals("ftyp") && java.util.Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
                "avc1", "dash", "M4V ").contains(brand);
    }

    /** Tika's core has no WebM magic (only a name glob): an EBML header whose DocType element says "webm". */
    private static boolean isWebm(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 8 || (head[0] & 0xFF) != 0x1A || (head[1] & 0xFF) != 0x45 || (head[2] & 0xFF) != 0xDF
                || (head[3] & 0xFF) != 0xA3) {
            return false;
        }
        for (int i = 4; i + 6 < n; i++) {
            if ((head[i] & 0xFF) == 0x42 && (head[i + 1] & 0xFF) == 0x82 && (head[i + 2] & 0xFF) == 0x84) {
                return new String(head, i + 3, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("webm");
            }
        }
        return false;
    }

    private static String extensionOf(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }
}
