package org.shegong.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code restore BACKUP}: puts a backup of the embedded database back, with the server stopped (docs/adr/0052).
 * It runs before the application context, which would open the database it replaces; only the configuration is
 * read. The backup is checked first (its checksum, that it is a whole zip holding an H2 file, that H2 opens that
 * file), the database must not be in use, and the current file is kept beside as {@code .before-restore-…}.
 * Media files of the backup that the media directory lacks are copied back; newer files stay (nothing refers to
 * them after the restore, and stored files never change under a key).
 */
public final class H2Restore {

    private H2Restore() {
    }

    /** An empty configuration: Spring Boot reads the settings (files, environment, arguments) and nothing starts. */
    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }

    /** Entry point for {@code java -jar shegong.jar restore BACKUP}; returns the exit code. */
    public static int run(String[] args) {
        String backup = args.length > 1 && !args[1].startsWith("--") ? args[1] : null;
        if (backup == null) {
            System.err.println("用法: java -jar shegong.jar restore 备份目录 (如 data/backups/backup-20260101-033000-000)");
            return 64;
        }
        BackupSettings settings;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            settings = BackupSettings.of(context.getEnvironment());
        }
        try {
            String restored = restore(settings, Path.of(backup));
            System.out.println(restored);
            return 0;
        } catch (ArchiveRejected e) {
            System.err.println("恢复被拒绝: " + e.getMessage());
            return 65;
        } catch (IOException e) {
            System.err.println("恢复失败: " + e.getMessage());
            return 1;
        }
    }

    static String restore(BackupSettings settings, Path backup) throws IOException {
        String base = settings.h2FileBase();
        if (base == null) {
            throw new ArchiveRejected("restore 只用于内置的 H2 文件数据库; PostgreSQL / MariaDB 请用 pg_restore / "
                    + "mariadb 恢复 (见 README)");
        }
        Path directory = Files.isDirectory(backup) ? backup : backup.getParent();
        Path database = Files.isDirectory(backup) ? backup.resolve(H2Backups.DATABASE) : backup;
        if (!Files.isRegularFile(database)) {
            throw new ArchiveRejected("找不到备份文件 " + database.toAbsolutePath());
        }
        checkChecksum(directory.resolve(H2Backups.INFO), database);
        Path current = Path.of(base + ".mv.db").toAbsolutePath();
        requireNotInUse(current);
        Files.createDirectories(current.getParent());
        String stamp = Long.toString(System.currentTimeMillis());
        Path candidate = current.resolveSibling("restore-" + stamp + ".mv.db");
        try {
            extract(database, candidate);
            checkOpens(candidate, settings);
            if (Files.exists(current)) {
                Files.move(current, current.resolveSibling(current.getFileName() + ".before-restore-" + stamp));
            }
            Files.move(candidate, current, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(candidate);
        }
        long files = restoreMedia(directory.resolve(H2Backups.MEDIA), settings.mediaDirectory());
        return "已恢复数据库 " + current + " (原文件保存为 " + current.getFileName() + ".before-restore-" + stamp
                + "), 补回媒体文件 " + files + " 个";
    }

    private static void checkChecksum(Path info, Path database) throws IOException {
        if (!Files.isRegularFile(info)) {
            return;
        }
        H2Backups.BackupInfo expected = SiteArchive.JSON.readValue(info.toFile(), H2Backups.BackupInfo.class);
        if (!expected.databaseSha256().equals(H2Backups.sha256(database))) {
            throw new ArchiveRejected("备份文件校验失败 (SHA-256 与 backup.json 不符), 备份已损坏, 未做任何改动");
        }
    }

    /**
     * H2 holds a lock on its file while the database is open (a server, a command); taking that lock for a moment
     * tells whether anyone has it. Another process's lock makes {@code tryLock} answer null, this process's own
     * throws.
     */
    private static void requireNotInUse(Path database) throws IOException {
        if (!Files.exists(database)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse();
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse();
        }
    }

    private static ArchiveRejected inUse() {
        return new ArchiveRejected("数据库正在使用中: 请先停止网站 (以及正在运行的命令) 再恢复");
    }

    private static void extract(Path database, Path candidate) {
        try (ZipFile zip = new ZipFile(database.toFile())) {
            ZipEntry found = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".mv.db")) {
                    found = entry;
                }
            }
            if (found == null) {
                throw new ArchiveRejected("备份中没有 H2 数据库文件 (*.mv.db)");
            }
            try (InputStream in = zip.getInputStream(found)) {
                Files.copy(in, candidate, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ArchiveRejected("备份文件已损坏或不完整: " + e.getMessage(), e);
        }
    }

    private static void checkOpens(Path candidate, BackupSettings settings) {
        String file = candidate.toString().substring(0, candidate.toString().length() - ".mv.db".length());
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + file + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"").close();
        } catch (SQLException e) {
            throw new ArchiveRejected("备份中的数据库无法打开, 备份已损坏: " + e.getMessage(), e);
        }
    }

    private static long restoreMedia(Path from, Path to) throws IOException {
        if (to == null || !Files.isDirectory(from)) {
            return 0;
        }
        long[] copied = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                    copied[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copied[0];
    }
}
