package org.shegong.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.system.db.DatabaseTarget;
import org.shegong.system.db.TestDatabase;

/** {@code java -jar shegong.jar digest FROM TO}: argument checking and the idempotent outcome it reports. */
class DigestCommandTest {

    DigestFixture f;
    DigestCommand command;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @BeforeEach
    void setUp() {
        f = new DigestFixture(TestDatabase.fresh(DatabaseTarget.H2));
        command = new DigestCommand(f.service);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void draftsTheRangeOnceAndSaysSoTheSecondTime() throws Exception {
        f.content.publish("n", "社工站新闻", Instant.parse("2021-08-25T02:00:00Z"), "news");
        assertThat(command.run(List.of("2021-08-23", "2021-08-29"))).isZero();
        assertThat(command.run(List.of("2021-08-23", "2021-08-29"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("已生成草稿: 社会工作一周动态 (8.23-8.29)", "1 条")
                .contains("草稿已存在且内容未变");
        assertThat(f.content.db.jdbc().sql("SELECT COUNT(*) FROM digest").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badArgumentsGetUsageAndExitCode64() throws Exception {
        assertThat(command.run(List.of())).isEqualTo(64);
        assertThat(command.run(List.of("2021-08-23"))).isEqualTo(64);
        assertThat(command.run(List.of("2021-13-01", "2021-13-07"))).isEqualTo(64);
        assertThat(command.run(List.of("2021-08-29", "2021-08-23"))).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法", "YYYY-MM-DD", "早于");
        assertThat(f.content.db.jdbc().sql("SELECT COUNT(*) FROM digest").query(Long.class).single()).isZero();
    }
}
