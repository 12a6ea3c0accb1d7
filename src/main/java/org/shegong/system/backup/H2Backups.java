package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.shegong.system.Times;
import org.shegong.system.db.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Backups of the embedded H2 database (docs/adr/0052): {@code BACKUP TO}, which H2 writes online from one
 * consistent state while the site keeps serving, into {@code <backups>/backup-<China time>/database.zip}, the
 * media files beside it in {@code media/} (hard links where the file system allows: stored files never change, so
 * a link costs no space), and {@code backup.json} with the database file's SHA-256. A backup is written under a
 * temporary name and renamed when complete; then the oldest beyond the retention are deleted.
 */
@Component
public class H2Backups {

    static final String DATABASE = "database.zip";
    static final String MEDIA = "media";
    static final String INFO = "backup.json";
    static final String PREFIX = "backup-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(Times.CHINA);
    private static final Logger log = LoggerFactory.getLogger(H2Backups.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BackupSettings settings;

    H2Backups(DataSource dataSource, JdbcClient jdbc, Clock clock, Environment environment) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = BackupSettings.of(environment);
    }

    /** What {@code backup.json} says. */
    public record BackupInfo(String createdAt, String databaseSha256, long databaseBytes, long mediaFiles) {
    }

    public boolean applies() {
        return Dialect.of(dataSource) == Dialect.H2 && settings.h2FileBase() != null;
    }

    /** Writes a backup and applies the retention; returns the backup's directory. */
    public Path backup() throws IOException {
        if (!applies()) {
            throw new ArchiveRejected("backup 只用于内置的 H2 文件数据库; PostgreSQL / MariaDB 请用 pg_dump / "
                    + "mariadb-dump 加媒体文件备份 (见 README「Export, backup and restore」)");
        }
        Instant now = clock.instant();
        Files.createDirectories(settings.directory());
        Path target = settings.directory().resolve(PREFIX + NAME.format(now));
        Path partial = target.resolveSibling(target.getFileName() + ".tmp");
        Files.createDirectories(partial);
        try {
            Path database = partial.resolve(DATABASE);
            jdbc.sql("BACKUP TO '" + database.toString().replace("'", "''") + "'").update();
            long files = linkMedia(partial.resolve(MEDIA));
            BackupInfo info = new BackupInfo(now.toString(), sha256(database), Files.size(database), files);
            SiteArchive.JSON.writerWithDefaultPrettyPrinter().writeValue(partial.resolve(INFO).toFile(), info);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("备份完成: {} (数据库 {} 字节, {} 个媒体文件)", target, info.databaseBytes(), files);
        } finally {
            if (Files.exists(partial)) {
                deleteTree(partial);
            }
        }
        applyRetention();
        return target;
    }

    /** Complete backups, newest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(settings.directory())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(settings.directory())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && !p.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(p.resolve(INFO)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** The newest complete backup and what it holds, for the operator. */
    public Optional<BackupInfo> latest() throws IOException {
        List<Path> backups = list();
        return backups.isEmpty() ? Optional.empty()
                : Optional.of(SiteArchive.JSON.readValue(backups.get(0).resolve(INFO).toFile(), BackupInfo.class));
    }

    /** Keeps the newest {@code keep} backups, and of those only the ones younger than {@code max-age} (but the newest). */
    void applyRetention() throws IOException {
        List<Path> backups = list();
        Instant oldest = clock.instant().minus(settings.maxAge());
        for (int i = 1; i < backups.size(); i++) {
            Path backup = backups.get(i);
            Instant created = Instant.parse(SiteArchive.JSON.readValue(backup.resolve(INFO).toFile(),
                    BackupInfo.class).createdAt());
            if (i >= settings.keep() || created.isBefore(oldest)) {
                deleteTree(backup);
                log.info("备份保留策略: 已删除 {}", backup.getFileName());
            }
        }
    }

    private long linkMedia(Path target) throws IOException {
        Path media = settings.mediaDirectory();
        if (media == null || !Files.isDirectory(media)) {
            return 0;
        }
        long[] files = {0};
        Files.walkFileTree(media, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    Path copy = target.resolve(media.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    try {
                        Files.createLink(copy, file);
                    } catch (FileSystemException | UnsupportedOperationException e) {
                        Files.copy(file, copy);
                    }
                    files[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files[0];
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = SiteArchive.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return SiteArchive.hex(digest);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
