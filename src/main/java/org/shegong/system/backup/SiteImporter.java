package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.shegong.system.db.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code import SITE.zip}: a site archive into an empty database, with the ids, bodies and files it had
 * (docs/adr/0052). The archive is verified whole first; then every row goes in in one transaction, the files into
 * media storage before the commit (and are removed again if it fails), so a refused or failed import leaves the
 * database as it was. Identity counters start past the archive's largest ids on all three databases.
 */
@Component
public class SiteImporter {

    private static final Logger log = LoggerFactory.getLogger(SiteImporter.class);

    private final DataSource dataSource;
    private final SiteParts parts;

    SiteImporter(DataSource dataSource, SiteParts parts) {
        this.dataSource = dataSource;
        this.parts = parts;
    }

    /** Whether the file is a site archive (a zip), told by its content, not its name. */
    public static boolean isArchive(Path file) throws IOException {
        return SiteArchive.looksLikeArchive(file);
    }

    public ArchiveManifest importArchive(Path file) throws IOException {
        try (ZipFile zip = ArchiveVerifier.open(file)) {
            ArchiveManifest manifest = ArchiveVerifier.verify(zip, parts);
            Map<String, ArchiveManifest.TableEntry> archived = new HashMap<>();
            manifest.tables().forEach(t -> archived.put(t.table(), t));
            Dialect dialect = Dialect.of(dataSource);
            try (Connection connection = dataSource.getConnection()) {
                requireEmpty(connection);
                advanceIdentities(connection, dialect, archived);
                connection.setAutoCommit(false);
                List<String> stored = new ArrayList<>();
                try {
                    deleteSeedRows(connection);
                    TableLoader loader = new TableLoader(connection, zip);
                    for (SitePart part : parts.inOrder()) {
                        for (ExportTable table : part.tables()) {
                            loader.load(table, archived.get(table.name()));
                        }
                    }
                    storeFiles(zip, manifest, stored);
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    removeStored(stored);
                    if (e instanceof ArchiveRejected rejected) {
                        throw rejected;
                    }
                    throw new ArchiveRejected("导入失败, 已撤销, 数据库未改动: " + e.getMessage(), e);
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new ArchiveRejected("无法连接或读取目标数据库: " + e.getMessage(), e);
            }
            for (SitePart part : parts.inOrder()) {
                try {
                    part.afterImport();
                } catch (RuntimeException e) {
                    // The import is committed; derived data that could not be rebuilt now is rebuilt at the next
                    // start (the search index is when its last rebuild did not complete).
                    log.warn("导入后重建 {} 未完成: {}", part.name(), e.getMessage());
                }
            }
            log.info("已导入站点归档 {}: {} 行, {} 个文件 (导出于 {}, 程序 {})", file.getFileName(), manifest.rows(),
                    manifest.mediaFiles(), manifest.exportedAt(), manifest.appVersion());
            return manifest;
        }
    }

    /** Refuses a database that holds anything but what the migrations put there. */
    private void requireEmpty(Connection connection) throws SQLException {
        for (SitePart part : parts.inOrder()) {
            for (ExportTable table : part.tables()) {
                String sql = "SELECT 1 FROM " + table.name()
                        + (table.seedRows() == null ? "" : " WHERE NOT (" + table.seedRows() + ")") + " LIMIT 1";
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    if (rs.next()) {
                        throw new ArchiveRejected("目标数据库不是空的: 表 " + table.name() + " 已有数据。站点归档只能导入"
                                + "新建的空数据库 (只执行过迁移, 未启动过网站); 请新建数据库或换一个数据目录后再导入");
                    }
                }
            }
        }
    }

    /**
     * Moves each identity counter past the archive's largest id before any row goes in. H2 and MariaDB commit
     * DDL implicitly, so this cannot share the import's transaction; a counter moved for an import that then
     * fails only leaves a gap in the ids.
     */
    private void advanceIdentities(Connection connection, Dialect dialect,
                                   Map<String, ArchiveManifest.TableEntry> archived) throws SQLException {
        for (SitePart part : parts.inOrder()) {
            for (ExportTable table : part.tables()) {
                Long maxId = archived.get(table.name()).maxId();
                if (!table.identity() || maxId == null) {
                    continue;
                }
                long next = maxId + 1;
                String sql = dialect == Dialect.MYSQL ? "ALTER TABLE " + table.name() + " AUTO_INCREMENT = " + next
                        : "ALTER TABLE " + table.name() + " ALTER COLUMN id RESTART WITH " + next;
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private void deleteSeedRows(Connection connection) throws SQLException {
        List<ExportTable> seeded = new ArrayList<>();
        parts.inOrder().forEach(part -> part.tables().stream().filter(t -> t.seedRows() != null).forEach(seeded::add));
        for (int i = seeded.size() - 1; i >= 0; i--) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + seeded.get(i).name())) {
                delete.executeUpdate();
            }
        }
    }

    private void storeFiles(ZipFile zip, ArchiveManifest manifest, List<String> stored) throws IOException {
        SiteFiles files = parts.files();
        for (ArchiveManifest.FileEntry entry : manifest.entries()) {
            if (!entry.name().startsWith(SiteArchive.MEDIA) || files == null) {
                continue;
            }
            String key = entry.name().substring(SiteArchive.MEDIA.length());
            ZipEntry zipEntry = zip.getEntry(entry.name());
            MessageDigest digest = SiteArchive.sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(zipEntry), digest)) {
                stored.add(key);
                files.store(key, in, entry.bytes());
            }
            // Checked again as it is stored: the archive could have been replaced since it was verified.
            if (!SiteArchive.hex(digest).equals(entry.sha256())) {
                throw new ArchiveRejected("文件 " + entry.name() + " 校验失败, 导入已撤销");
            }
        }
    }

    private void removeStored(List<String> stored) {
        SiteFiles files = parts.files();
        for (String key : stored) {
            try {
                files.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("导入撤销时未能删除文件 {}: {}", key, e.getMessage());
            }
        }
    }
}
