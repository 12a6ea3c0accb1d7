package org.shegong.system.backup;

import java.util.List;

/**
 * {@code manifest.json}, the archive's last entry: what wrote it, the schema it fits, every table with its row count
 * and largest id, and every other entry with its size and SHA-256. An import checks all of it before writing.
 */
public record ArchiveManifest(String format, int formatVersion, String appVersion, String schemaVersion,
                              String database, String exportedAt, List<TableEntry> tables, List<FileEntry> entries) {

    public static final String FORMAT = "shegong-site-archive";
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    /** One table: its part, columns in the order of each row, number of rows, and largest id (identity tables). */
    public record TableEntry(String part, String table, String entry, List<String> columns, long rows, Long maxId) {
    }

    /** One archive entry (a table's rows or a stored file) with its size and checksum. */
    public record FileEntry(String name, long bytes, String sha256) {
    }

    public long mediaFiles() {
        return entries.stream().filter(e -> e.name().startsWith(SiteArchive.MEDIA)).count();
    }

    public long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
