package org.shegong.system.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.ShegongApplication;
import org.shegong.system.Times;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backups of the embedded database: backup → change → restore brings the backup back; retention; corrupt files. */
class H2BackupTest {

    @TempDir
    Path dir;

    private String[] settings() {
        return new String[] {"--shegong.data-dir=" + dir.resolve("data"),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/shegong"), "--shegong.backup.keep=2"};
    }

    private ConfigurableApplicationContext open() {
        return new SpringApplicationBuilder(ShegongApplication.class).web(WebApplicationType.NONE).profiles("cli")
                .run(settings());
    }

    private int restore(Path backup) {
        String[] args = new String[settings().length + 2];
        args[0] = "restore";
        args[1] = backup.toString();
        System.arraycopy(settings(), 0, args, 2, settings().length);
        return H2Restore.run(args);
    }

    private static void addWord(JdbcClient jdbc, String word) {
        jdbc.sql("INSERT INTO sensitive_word (word, created_at) VALUES (?, ?)")
                .params(word, Times.toDb(java.time.Instant.now())).update();
    }

    private List<String> words() {
        try (ConfigurableApplicationContext context = open()) {
            return context.getBean(JdbcClient.class).sql("SELECT word FROM sensitive_word ORDER BY word")
                    .query(String.class).list();
        }
    }

    @Test
    void aChangeAfterTheBackupIsGoneAfterTheRestoreAndTheMediaComeBack() throws Exception {
        Path backup;
        Path media = dir.resolve("data/media/ab/abababababababababababababababab.jpg");
        try (ConfigurableApplicationContext context = open()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            addWord(jdbc, "备份之前");
            Files.createDirectories(media.getParent());
            Files.writeString(media, "图片", StandardCharsets.UTF_8);
            backup = context.getBean(H2Backups.class).backup();
            addWord(jdbc, "备份之后");
            assertThat(restore(backup)).as("refused while the database is open").isEqualTo(65);
        }
        Files.delete(media);
        assertThat(words()).containsExactly("备份之前", "备份之后");
        assertThat(restore(backup)).isZero();
        assertThat(words()).containsExactly("备份之前");
        assertThat(Files.readString(media, StandardCharsets.UTF_8)).isEqualTo("图片");
    }

    @Test
    void retentionKeepsTheNewestAndDeletesTheOldest() throws Exception {
        try (ConfigurableApplicationContext context = open()) {
            H2Backups backups = context.getBean(H2Backups.class);
            Path first = backups.backup();
            Path second = backups.backup();
            Path third = backups.backup();
            assertThat(backups.list()).containsExactly(third, second);
            assertThat(first).doesNotExist();
            assertThat(backups.latest()).get().extracting(H2Backups.BackupInfo::databaseBytes)
                    .isEqualTo(Files.size(third.resolve(H2Backups.DATABASE)));
        }
    }

    @Test
    void retentionDeletesBackupsOlderThanTheMaximumAgeButNeverTheNewest() throws Exception {
        try (ConfigurableApplicationContext context = open()) {
            H2Backups backups = context.getBean(H2Backups.class);
            Path old = backups.backup();
            Path info = old.resolve(H2Backups.INFO);
            Files.writeString(info, Files.readString(info).replaceFirst("\"createdAt\" : \"[^\"]+\"",
                    "\"createdAt\" : \"" + java.time.Instant.now().minus(java.time.Duration.ofDays(31)) + "\""));
            backups.applyRetention();
            assertThat(old).as("the newest stays, however old").exists();
            Path fresh = backups.backup();
            assertThat(backups.list()).containsExactly(fresh);
            assertThat(old).as("older than the default 30 days").doesNotExist();
        }
    }

    @Test
    void aCorruptBackupIsRefusedAndTheDatabaseIsLeftAsItWas() throws Exception {
        Path backup;
        try (ConfigurableApplicationContext context = open()) {
            addWord(context.getBean(JdbcClient.class), "原有数据");
            backup = context.getBean(H2Backups.class).backup();
        }
        Path database = backup.resolve(H2Backups.DATABASE);
        byte[] bytes = Files.readAllBytes(database);
        Files.write(database, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(restore(backup)).as("checksum differs from backup.json").isEqualTo(65);
        Files.delete(backup.resolve(H2Backups.INFO));
        assertThat(restore(database)).as("a truncated zip on its own").isEqualTo(65);
        assertThat(words()).containsExactly("原有数据");
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }
}
