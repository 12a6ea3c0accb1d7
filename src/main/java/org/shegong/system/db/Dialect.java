package org.shegong.system.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The SQL dialects Shegong supports. */
public enum Dialect {
    H2, POSTGRES, MYSQL;

    public static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to detect its type", e);
        }
    }
}
