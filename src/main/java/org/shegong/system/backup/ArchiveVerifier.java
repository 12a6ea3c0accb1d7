package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import tools.jackson.core.JacksonException;

/**
 * Reads an archive's manifest and checks, before anything is written, that the archive is whole and fits this
 * database: a zip with its central directory (a truncated file has none), the format and schema version, the same
 * tables the parts expect, no entry the manifest does not list, and every entry's size and SHA-256.
 */
final class ArchiveVerifier {

    private ArchiveVerifier() {
    }

    static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ArchiveRejected("归档已损坏或不完整 (不是完整的 zip 文件): " + file.getFileName(), e);
        } catch (IOException e) {
            throw new ArchiveRejected("无法读取归档 " + file + ": " + e.getMessage(), e);
        }
    }

    static ArchiveManifest verify(ZipFile zip, SiteParts siteParts) {
        List<SitePart> parts = siteParts.inOrder();
        String schemaVersion = siteParts.schemaVersion();
        ArchiveManifest manifest = manifest(zip);
        if (!ArchiveManifest.FORMAT.equals(manifest.format())) {
            throw new ArchiveRejected("不是社工站点归档 (format=" + manifest.format() + ")");
        }
        if (manifest.formatVersion() != ArchiveManifest.FORMAT_VERSION) {
            throw new ArchiveRejected("归档格式版本 " + manifest.formatVersion() + " 与本程序 ("
                    + ArchiveManifest.FORMAT_VERSION + ") 不符");
        }
        if (!schemaVersion.equals(manifest.schemaVersion())) {
            throw new ArchiveRejected("归档的数据库结构版本 V" + manifest.schemaVersion() + " 与本数据库的 V"
                    + schemaVersion + " 不符: 请用导出它的同一版本程序导入, 再升级");
        }
        checkTables(manifest, parts);
        Map<String, ArchiveManifest.FileEntry> listed = new HashMap<>();
        manifest.entries().forEach(e -> listed.put(e.name(), e));
        SiteFiles files = siteParts.files();
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals(ArchiveManifest.ENTRY)) {
                continue;
            }
            ArchiveManifest.FileEntry expected = listed.get(name);
            if (expected == null || !seen.add(name)) {
                throw new ArchiveRejected("归档中有清单未列出或重复的条目: " + name);
            }
            if (name.startsWith(SiteArchive.MEDIA)
                    && (files == null || !files.isKey(name.substring(SiteArchive.MEDIA.length())))) {
                throw new ArchiveRejected("归档中的文件名不合规: " + name);
            }
            checkSum(zip, entry, expected);
        }
        if (seen.size() != listed.size()) {
            Set<String> missing = new HashSet<>(listed.keySet());
            missing.removeAll(seen);
            throw new ArchiveRejected("归档缺少清单中列出的条目: " + missing.stream().limit(5).toList());
        }
        return manifest;
    }

    private static ArchiveManifest manifest(ZipFile zip) {
        ZipEntry entry = zip.getEntry(ArchiveManifest.ENTRY);
        if (entry == null) {
            throw new ArchiveRejected("归档中没有 " + ArchiveManifest.ENTRY + ": 不是社工站点归档, 或已损坏");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return SiteArchive.JSON.readValue(in, ArchiveManifest.class);
        } catch (IOException | JacksonException e) {
            throw new ArchiveRejected("归档清单无法读取: " + e.getMessage(), e);
        }
    }

    private static void checkTables(ArchiveManifest manifest, List<SitePart> parts) {
        Set<String> expected = new HashSet<>();
        parts.forEach(part -> part.tables().forEach(table -> expected.add(table.name())));
        Set<String> archived = new HashSet<>();
        manifest.tables().forEach(table -> archived.add(table.table()));
        if (!expected.equals(archived)) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(archived);
            archived.removeAll(expected);
            throw new ArchiveRejected("归档的表与本程序不符: 缺少 " + missing + ", 多出 " + archived);
        }
        Set<String> entries = new HashSet<>();
        manifest.entries().forEach(e -> entries.add(e.name()));
        for (ArchiveManifest.TableEntry table : manifest.tables()) {
            if (!entries.contains(table.entry()) || !table.entry().equals("tables/" + table.table() + ".jsonl")) {
                throw new ArchiveRejected("归档清单中表 " + table.table() + " 的条目不对: " + table.entry());
            }
        }
    }

    private static void checkSum(ZipFile zip, ZipEntry entry, ArchiveManifest.FileEntry expected) {
        MessageDigest digest = SiteArchive.sha256();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        } catch (IOException e) {
            throw new ArchiveRejected("归档条目 " + entry.getName() + " 已损坏: " + e.getMessage(), e);
        }
        String sha = SiteArchive.hex(digest);
        if (bytes != expected.bytes() || !sha.equals(expected.sha256())) {
            throw new ArchiveRejected("归档条目 " + entry.getName() + " 校验失败 (SHA-256 或大小与清单不符), 未写入任何数据");
        }
    }
}
