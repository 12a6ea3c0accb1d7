package org.shegong.system.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Where backups go and how many are kept, read from the environment (also before the application context
 * exists, for {@code restore}). The media directory is the one the media feature's local storage uses
 * ({@code shegong.media.directory}, by default {@code <data-dir>/media}); with S3 storage there is none here.
 */
record BackupSettings(String databaseUrl, String user, String password, Path directory, Path mediaDirectory, int keep, Duration maxAge) {

    static BackupSettings of(Environment environment) {
        String dataDir = environment.getProperty("shegong.data-dir", "./data");
        String configured = environment.getProperty("shegong.backup.directory", "");
        Path directory = configured.isBlank() ? Path.of(dataDir, "backups") : Path.of(configured);
        boolean local = "local".equals(environment.getProperty("shegong.media.storage", "local"));
        String media = environment.getProperty("shegong.media.directory", "");
        Path mediaDirectory = !local ? null : media.isBlank() ? Path.of(dataDir, "media") : Path.of(media);
        return new BackupSettings(environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""),
                directory.toAbsolutePath().normalize(),
                mediaDirectory == null ? null : mediaDirectory.toAbsolutePath().normalize(),
                environment.getProperty("shegong.backup.keep", Integer.class, 7),
                environment.getProperty("shegong.backup.max-age", Duration.class, Duration.ofDays(30)));
    }

    /** The database file's path without {@code .mv.db}, or null when the URL is not an embedded H2 file. */
    String h2FileBase() {
        String lower = databaseUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String path = databaseUrl.substring("jdbc:h2:".length());
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int options = path.indexOf(';');
        return options < 0 ? path : path.substring(0, options);
    }
}
