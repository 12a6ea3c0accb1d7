package org.shegong.system.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.shegong.system.db.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * {@code export FILE}: the whole site as one zip (docs/adr/0052): a JSON Lines entry per table of every
 * {@link SitePart}, each stored file under {@code media/}, and {@code manifest.json} last with every entry's
 * checksum. Rows are streamed from one read-only, repeatable-read transaction (one consistent snapshot; a million
 * articles never sit in the heap) and the archive is written beside the target and moved into place when complete.
 */
@Component
public class SiteExporter {

    private static final Logger log = LoggerFactory.getLogger(SiteExporter.class);
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final SiteParts parts;
    private final Clock clock;

    SiteExporter(DataSource dataSource, SiteParts parts, Clock clock) {
        this.dataSource = dataSource;
        this.parts = parts;
        this.clock = clock;
    }

    public ArchiveManifest export(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(dataSource);
            parts.checkEveryTableIsCovered(connection);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            List<ArchiveManifest.TableEntry> tables = new ArrayList<>();
            List<ArchiveManifest.FileEntry> entries = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                for (SitePart part : parts.inOrder()) {
                    for (ExportTable table : part.tables()) {
                        tables.add(writeTable(connection, zip, part, table, entries));
                    }
                }
                connection.commit();
                for (SitePart part : parts.inOrder()) {
                    if (part.files() != null) {
                        writeFiles(zip, part.files(), entries);
                    }
                }
                ArchiveManifest manifest = new ArchiveManifest(ArchiveManifest.FORMAT, ArchiveManifest.FORMAT_VERSION,
                        SiteParts.appVersion(), parts.schemaVersion(), dialect.name(), clock.instant().toString(),
                        tables, entries);
                zip.putNextEntry(new ZipEntry(ArchiveManifest.ENTRY));
                SiteArchive.JSON.writerWithDefaultPrettyPrinter().writeValue(new SiteArchive.EntryStream(zip), manifest);
                zip.closeEntry();
                zip.finish();
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("已导出 {}: {} 张表 {} 行, {} 个文件", absolute, tables.size(), manifest.rows(),
                        manifest.mediaFiles());
                return manifest;
            }
        } catch (SQLException e) {
            throw new IOException("导出时读取数据库失败: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private ArchiveManifest.TableEntry writeTable(Connection connection, ZipOutputStream zip, SitePart part,
            ExportTable table, List<ArchiveManifest.FileEntry> entries) throws IOException, SQLException {
        String sql = "SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.key());
        zip.putNextEntry(new ZipEntry(table.entry()));
        SiteArchive.EntryStream out = new SiteArchive.EntryStream(zip);
        long rows = 0;
        Long maxId = null;
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            // PostgreSQL fetches in batches only inside a transaction with a fetch size; MariaDB's driver streams
            // with any positive fetch size; H2 pages large results itself.
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(); JsonGenerator json = SiteArchive.JSON.createGenerator(out)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Integer> indexes = new ArrayList<>();
                List<RowCodec.Kind> kinds = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                    if (!table.withheld().containsKey(name)) {
                        columns.add(name);
                        indexes.add(i);
                        kinds.add(RowCodec.kind(meta, i));
                    }
                }
                int idColumn = table.identity() ? indexes.get(columns.indexOf("id")) : -1;
                while (rs.next()) {
                    json.writeStartObject();
                    for (int c = 0; c < columns.size(); c++) {
                        json.writeName(columns.get(c));
                        RowCodec.write(json, rs, indexes.get(c), kinds.get(c));
                    }
                    json.writeEndObject();
                    if (idColumn > 0) {
                        long id = rs.getLong(idColumn);
                        maxId = maxId == null ? id : Math.max(maxId, id);
                    }
                    rows++;
                }
                if (rows > 0) {
                    json.writeRaw('\n');
                }
            }
        }
        zip.closeEntry();
        entries.add(new ArchiveManifest.FileEntry(table.entry(), out.bytes, SiteArchive.hex(out.digest)));
        return new ArchiveManifest.TableEntry(part.name(), table.name(), table.entry(), columns, rows, maxId);
    }

    private void writeFiles(ZipOutputStream zip, SiteFiles files, List<ArchiveManifest.FileEntry> entries)
            throws IOException {
        files.forEachKey(key -> {
            try (SiteFiles.StoredFile file = files.open(key)) {
                if (file == null) {
                    log.warn("导出: 数据库登记的文件 {} 在存储中不存在, 已跳过", key);
                    return;
                }
                String name = SiteArchive.MEDIA + key;
                zip.putNextEntry(new ZipEntry(name));
                SiteArchive.EntryStream out = new SiteArchive.EntryStream(zip);
                file.content().transferTo(out);
                zip.closeEntry();
                entries.add(new ArchiveManifest.FileEntry(name, out.bytes, SiteArchive.hex(out.digest)));
            }
        });
    }
}
