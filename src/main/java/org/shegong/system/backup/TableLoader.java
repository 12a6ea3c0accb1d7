package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/** Inserts one table's archived rows in batches, streaming the entry, with the ids they had. */
final class TableLoader {

    private static final int BATCH = 500;

    private final Connection connection;
    private final ZipFile zip;

    TableLoader(Connection connection, ZipFile zip) {
        this.connection = connection;
        this.zip = zip;
    }

    /** Inserts the rows; deferred columns are set once all rows are in. Returns the number of rows. */
    long load(ExportTable table, ArchiveManifest.TableEntry archived) throws SQLException, IOException {
        Map<String, Column> types = columnTypes(table.name());
        List<String> columns = new ArrayList<>(archived.columns());
        for (String column : columns) {
            if (!types.containsKey(column) || table.withheld().containsKey(column)) {
                throw new ArchiveRejected("表 " + table.name() + " 没有可导入的列 " + column);
            }
        }
        List<String> all = new ArrayList<>(columns);
        all.addAll(table.withheld().keySet());
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", all) + ") VALUES ("
                + String.join(", ", all.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        long maxId = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql); MappingIterator<JsonNode> lines = read(table)) {
            while (lines.hasNextValue()) {
                JsonNode row = lines.nextValue();
                int index = 1;
                for (String column : columns) {
                    boolean later = table.deferred().contains(column);
                    RowCodec.bind(insert, index++, later ? null : row.get(column), types.get(column));
                }
                for (Map.Entry<String, Object> withheld : table.withheld().entrySet()) {
                    RowCodec.bindConstant(insert, index++, withheld.getValue(), types.get(withheld.getKey()).sqlType());
                }
                insert.addBatch();
                if (table.identity()) {
                    maxId = Math.max(maxId, row.get("id").longValue());
                }
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (JacksonException e) {
            throw new ArchiveRejected("表 " + table.name() + " 的数据无法读取: " + e.getOriginalMessage(), e);
        }
        if (rows != archived.rows() || (table.identity() && rows > 0 && maxId != archived.maxId())) {
            throw new ArchiveRejected("表 " + table.name() + " 的行数或最大 id 与清单不符");
        }
        if (!table.deferred().isEmpty()) {
            setDeferred(table, types);
        }
        return rows;
    }

    private void setDeferred(ExportTable table, Map<String, Column> types) throws SQLException, IOException {
        String sql = "UPDATE " + table.name() + " SET "
                + String.join(", ", table.deferred().stream().map(c -> c + " = ?").toList()) + " WHERE "
                + String.join(" AND ", table.key().stream().map(c -> c + " = ?").toList());
        try (PreparedStatement update = connection.prepareStatement(sql); MappingIterator<JsonNode> lines = read(table)) {
            int pending = 0;
            while (lines.hasNextValue()) {
                JsonNode row = lines.nextValue();
                if (table.deferred().stream().allMatch(c -> row.get(c) == null || row.get(c).isNull())) {
                    continue;
                }
                int index = 1;
                for (String column : table.deferred()) {
                    RowCodec.bind(update, index++, row.get(column), types.get(column));
                }
                for (String column : table.key()) {
                    RowCodec.bind(update, index++, row.get(column), types.get(column));
                }
                update.addBatch();
                if (++pending % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private MappingIterator<JsonNode> read(ExportTable table) throws IOException {
        InputStream in = zip.getInputStream(zip.getEntry(table.entry()));
        return SiteArchive.JSON.readerFor(JsonNode.class).readValues(in);
    }

    /** A target column's kind and SQL type (for NULLs). */
    record Column(RowCodec.Kind kind, int sqlType) {
    }

    private Map<String, Column> columnTypes(String table) throws SQLException {
        Map<String, Column> types = new HashMap<>();
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = probe.executeQuery().getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
                        new Column(RowCodec.kind(meta, i), meta.getColumnType(i)));
            }
        }
        return types;
    }
}
