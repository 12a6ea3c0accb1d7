package org.shegong.system.db;

/**
 * The databases every repository test runs on. H2 always; PostgreSQL and MariaDB on the addresses of the
 * development machine (overridable with SHEGONG_TEST_PG_URL / SHEGONG_TEST_MARIADB_URL).
 */
public enum DatabaseTarget {
    H2, POSTGRES, MARIADB;

    public String adminUrl() {
        return switch (this) {
            case H2 -> null;
            case POSTGRES -> env("SHEGONG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            case MARIADB -> env("SHEGONG_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        };
    }

    public String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRES -> env("SHEGONG_TEST_PG_USER", "postgres");
            case MARIADB -> env("SHEGONG_TEST_MARIADB_USER", "root");
        };
    }

    public String password() {
        return switch (this) {
            case H2 -> "";
            case POSTGRES -> env("SHEGONG_TEST_PG_PASSWORD", "");
            case MARIADB -> env("SHEGONG_TEST_MARIADB_PASSWORD", "");
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
