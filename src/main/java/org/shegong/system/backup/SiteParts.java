package org.shegong.system.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every feature's {@link SitePart} in import order, and the tables deliberately left out of an archive. */
@Component
public class SiteParts {

    /**
     * Not part of a site: events already consumed, consumers' positions (a new site starts its own), login
     * throttling, job leases, sessions (logins end with the site they were made on), Flyway's own history, and the open-data API's personal access tokens with their
     * idempotency keys (credentials, like the password hashes left out: feeding systems get new tokens on the
     * imported site). A table in none of the parts and not here stops an export,
     * so a new migration cannot silently fall out of the archive.
     */
    static final Set<String> NOT_EXPORTED = Set.of("outbox_event", "outbox_consumer", "login_throttle", "job_lock",
            "flyway_schema_history", "api_token", "api_token_column", "api_idempotency",
            "spring_session", "spring_session_attributes");

    private final List<SitePart> parts;
    private final ObjectProvider<Flyway> flyway;

    SiteParts(List<SitePart> parts, ObjectProvider<Flyway> flyway) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(SitePart::order).thenComparing(SitePart::name))
                .toList();
        this.flyway = flyway;
    }

    public List<SitePart> inOrder() {
        return parts;
    }

    /** The part that carries stored files (the media library), or null. */
    SiteFiles files() {
        return parts.stream().map(SitePart::files).filter(f -> f != null).findFirst().orElse(null);
    }

    /** The database's Flyway version, e.g. "96": an archive fits only a database at the same version. */
    public String schemaVersion() {
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null || migrations.info().current() == null) {
            throw new IllegalStateException("Flyway has not migrated this database");
        }
        return migrations.info().current().getVersion().getVersion();
    }

    static String appVersion() {
        String version = SiteParts.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The database's own tables, lower case. */
    static Set<String> tablesOf(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> tables = new TreeSet<>();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    void checkEveryTableIsCovered(Connection connection) throws SQLException {
        Set<String> uncovered = tablesOf(connection);
        uncovered.removeAll(NOT_EXPORTED);
        parts.forEach(part -> part.tables().forEach(table -> uncovered.remove(table.name())));
        if (!uncovered.isEmpty()) {
            throw new ArchiveRejected("这些表没有归属任何导出部分, 无法完整导出: " + uncovered
                    + " (在建表的功能的 SitePart 中声明它们, 或在 SiteParts.NOT_EXPORTED 中说明为何不导出)");
        }
    }
}
