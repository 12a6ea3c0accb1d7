package org.shegong.system.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL dialects Shegong supports. */
public enum Dialect {
    H2, POSTGRES, MYSQL;

    public static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to detect its type", e);
        }
    }

    /** For code that holds only a JdbcClient: the dialect of the connection it is given. */
    public static Dialect of(JdbcClient jdbc) {
        org.springframework.jdbc.core.ResultSetExtractor<Dialect> fromMetadata =
                rs -> of(rs.getStatement().getConnection());
        return jdbc.sql("SELECT 1").query(fromMetadata);
    }

    private static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRES;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Unsupported database: " + product);
    }

    /**
     * Gathers the planner's statistics for these tables. Where they were taken while a table was nearly empty (or
     * never: PostgreSQL's autovacuum off), a lookup of a few hundred ids becomes a full scan.
     */
    public void analyze(JdbcClient jdbc, List<String> tables) {
        if (this == MYSQL) {
            jdbc.sql(analyzeStatement(tables)).query().listOfRows(); // MariaDB answers with a row per table
        } else {
            jdbc.sql(analyzeStatement(tables)).update();
        }
    }

    private String analyzeStatement(List<String> tables) {
        return switch (this) {
            case POSTGRES -> "ANALYZE " + String.join(", ", tables);
            case MYSQL -> "ANALYZE TABLE " + String.join(", ", tables);
            case H2 -> "ANALYZE"; // H2 analyses every table at once (a sample of each)
        };
    }
}
