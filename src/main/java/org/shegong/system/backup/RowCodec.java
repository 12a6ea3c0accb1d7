package org.shegong.system.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Rows as JSON objects and back, by the column's SQL type, the same way on H2, PostgreSQL and MariaDB: numbers as
 * numbers, booleans as booleans (MariaDB's TINYINT(1) too), timestamps and dates as ISO text exactly as stored
 * (the application stores UTC without a zone), text as text, byte for byte.
 */
final class RowCodec {

    private RowCodec() {
    }

    /** A column's kind, from JDBC metadata. */
    enum Kind { INTEGER, BOOLEAN, TIMESTAMP, DATE, TEXT }

    static Kind kind(ResultSetMetaData meta, int column) throws SQLException {
        return switch (meta.getColumnType(column)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> Kind.INTEGER;
            case Types.TINYINT -> meta.getPrecision(column) == 1 ? Kind.BOOLEAN : Kind.INTEGER;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            case Types.DATE -> Kind.DATE;
            default -> Kind.TEXT;
        };
    }

    static void write(JsonGenerator json, ResultSet row, int column, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case INTEGER -> row.getObject(column) == null ? null : row.getLong(column);
            case BOOLEAN -> row.getObject(column) == null ? null : row.getBoolean(column);
            case TIMESTAMP -> row.getObject(column, LocalDateTime.class);
            case DATE -> row.getObject(column, LocalDate.class);
            case TEXT -> row.getString(column);
        };
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else {
            json.writeString(value.toString());
        }
    }

    /** Binds an archive value to a parameter of the target column's kind; a value of the wrong shape is refused. */
    static void bind(PreparedStatement statement, int index, JsonNode value, TableLoader.Column column)
            throws SQLException {
        Kind kind = column.kind();
        if (value == null || value.isNull()) {
            statement.setNull(index, column.sqlType());
            return;
        }
        switch (kind) {
            case INTEGER -> {
                require(value.isIntegralNumber(), value, kind);
                statement.setLong(index, value.longValue());
            }
            case BOOLEAN -> {
                require(value.isBoolean(), value, kind);
                statement.setBoolean(index, value.booleanValue());
            }
            case TIMESTAMP -> {
                require(value.isString(), value, kind);
                statement.setObject(index, LocalDateTime.parse(value.stringValue()));
            }
            case DATE -> {
                require(value.isString(), value, kind);
                statement.setObject(index, LocalDate.parse(value.stringValue()));
            }
            case TEXT -> {
                require(value.isString(), value, kind);
                statement.setString(index, value.stringValue());
            }
        }
    }

    /** Binds a withheld column's replacement value. */
    static void bindConstant(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void require(boolean ok, JsonNode value, Kind kind) {
        if (!ok) {
            throw new ArchiveRejected("数据与列类型不符 (应为 " + kind + "): " + abbreviate(value.toString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
