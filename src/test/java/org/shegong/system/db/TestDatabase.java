package org.shegong.system.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A private, migrated database on one {@link DatabaseTarget}: a fresh schema (PostgreSQL), database
 * (MariaDB) or in-memory store (H2), created once per test run and dropped when the JVM exits.
 *
 * <p>When PostgreSQL or MariaDB cannot be reached the test is skipped on a developer's machine, but fails
 * when {@code CI=true}: CI must prove all three databases.
 */
public final class TestDatabase {

    private static final Map<DatabaseTarget, TestDatabase> OPEN = new EnumMap<>(DatabaseTarget.class);

    private final DatabaseTarget target;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private TestDatabase(DatabaseTarget target, DataSource dataSource) {
        this.target = target;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The shared database for this target, emptied of content (the default columns stay). */
    public static synchronized TestDatabase fresh(DatabaseTarget target) {
        TestDatabase db = OPEN.get(target);
        if (db == null) {
            db = create(target);
            OPEN.put(target, db);
        }
        db.deleteContent();
        return db;
    }

    /** A migrated database at a URL of the caller's (a benchmark's H2 file), kept as it is. */
    public static TestDatabase open(DatabaseTarget target, String url, String user, String password) {
        DataSource dataSource = pool(url, user, password);
        migrate(dataSource);
        return new TestDatabase(target, dataSource);
    }

    /**
     * A new, empty database for applications the test starts itself (they migrate it): a schema (PostgreSQL), a
     * database (MariaDB) or a named in-memory store (H2, shared by every context in this JVM); dropped on close.
     */
    public static Scratch scratch(DatabaseTarget target) {
        String name = "sg_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (target) {
            case H2 -> new Scratch(target, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "",
                    "SHUTDOWN");
            case POSTGRES -> {
                admin(target, "CREATE SCHEMA " + name);
                yield new Scratch(target, target.adminUrl() + "?currentSchema=" + name, target.user(),
                        target.password(), "DROP SCHEMA " + name + " CASCADE");
            }
            case MARIADB -> {
                admin(target, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                yield new Scratch(target, target.adminUrl().replaceFirst("/[^/]*$", "/" + name), target.user(),
                        target.password(), "DROP DATABASE " + name);
            }
        };
    }

    /** A scratch database's address; closing drops it. */
    public record Scratch(DatabaseTarget target, String url, String user, String password, String drop)
            implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            String at = target == DatabaseTarget.H2 ? url : target.adminUrl();
            try (Connection connection = DriverManager.getConnection(at, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(drop);
            }
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    private void deleteContent() {
        for (String table : new String[] {"api_idempotency", "api_token_column", "api_token", "article_region", "region_listing", "article_daily_views", "fingerprint_band", "article_fingerprint", "engage_submission_file", "engage_submission", "engage_organisation", "engage_question", "topic_item",
                "topic", "topic_slot_item", "newsletter_send", "newsletter_subscriber", "digest_entry", "digest",
                "article_revision", "article_workflow", "column_review_levels", "audit_log", "job_lock",
                "sensitive_word", "column_grant", "app_user", "article_tag", "tag", "column_listing",
                "article_column", "article_body", "article_fields",
                "article_views", "article", "outbox_event", "outbox_consumer", "SPRING_SESSION_ATTRIBUTES", "SPRING_SESSION"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private static TestDatabase create(DatabaseTarget target) {
        String name = "sg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource dataSource = switch (target) {
            case H2 -> pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRES -> {
                admin(target, "CREATE SCHEMA " + name);
                dropOnExit(target, "DROP SCHEMA " + name + " CASCADE");
                yield pool(target.adminUrl() + "?currentSchema=" + name, target.user(), target.password());
            }
            case MARIADB -> {
                admin(target, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                dropOnExit(target, "DROP DATABASE " + name);
                String url = target.adminUrl().replaceFirst("/[^/]*$", "/" + name);
                yield pool(url, target.user(), target.password());
            }
        };
        migrate(dataSource);
        return new TestDatabase(target, dataSource);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(FlywayPlaceholders.placeholdersFor(Dialect.of(dataSource)))
                .load().migrate();
    }

    private static DataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(4);
        pool.setPoolName("test-" + url.replaceAll("[^a-z0-9]", "").substring(0, 8));
        return pool;
    }

    private static void admin(DatabaseTarget target, String sql) {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + target, e);
        }
    }

    private static Connection connect(DatabaseTarget target) throws SQLException {
        DriverManager.setLoginTimeout(5);
        try {
            return DriverManager.getConnection(target.adminUrl(), target.user(), target.password());
        } catch (SQLException e) {
            String message = target + " is not reachable at " + target.adminUrl() + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: every database must be tested)", e);
            }
            Assumptions.abort(message);
            throw e;
        }
    }

    /** Runs {@code sql} (a DROP) on the target when the test JVM ends. */
    public static void dropOnExit(DatabaseTarget target, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(target.adminUrl(), target.user(),
                    target.password()); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException ignored) {
                // The process is ending; a leftover test schema is harmless and named sg_test_*.
            }
        }));
    }

    @Override
    public String toString() {
        return target.name();
    }
}
