package org.shegong.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shegong.ShegongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No default password: the first start prints a generated one once; reset-password prints a new one. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final Pattern PRINTED = Pattern.compile("密码\\s+password: (\\S+)");

    @TempDir
    Path dir;

    private String dataDir() {
        return "--shegong.data-dir=" + dir.resolve("data");
    }

    /** Starts the application (without a web server) on the test's data directory and checks a password. */
    private boolean passwordMatches(String username, String password) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShegongApplication.class)
                .web(WebApplicationType.NONE).run(dataDir(), "--shegong.demo-content=false")) {
            String hash = context.getBean(JdbcClient.class)
                    .sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                    .query(String.class).single();
            assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(password);
            return context.getBean(PasswordEncoder.class).matches(password, hash);
        }
    }

    private int cli(String... args) {
        String[] withDataDir = java.util.Arrays.copyOf(args, args.length + 1);
        withDataDir[args.length] = dataDir();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShegongApplication.class)
                .web(WebApplicationType.NONE).profiles("cli").run(withDataDir)) {
            return SpringApplication.exit(context);
        }
    }

    @Test
    void theFirstStartCreatesAdminWithARandomPasswordPrintedOnceAndTheSecondStartDoesNot(CapturedOutput output) {
        assertThat(passwordMatches("admin", "anything-at-all-1")).isFalse();
        Matcher printed = PRINTED.matcher(output.getOut());
        assertThat(printed.find()).as("password printed at first start").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSize(20);
        assertThat(PasswordRules.problem("admin", password)).isEmpty();
        assertThat(printed.find()).as("printed only once").isFalse();

        int before = output.getOut().length();
        assertThat(passwordMatches("admin", password)).isTrue();
        assertThat(output.getOut().substring(before)).doesNotContain("password:", password);
    }

    @Test
    void resetPasswordPrintsANewPasswordOnceAndTheOldOneStopsWorking(CapturedOutput output) {
        passwordMatches("admin", "not-the-password-1");
        Matcher first = PRINTED.matcher(output.getOut());
        assertThat(first.find()).isTrue();
        String old = first.group(1);

        int before = output.getOut().length();
        assertThat(cli("reset-password", "admin")).isZero();
        String printed = output.getOut().substring(before);
        Matcher line = Pattern.compile("新密码[^\\n]*\\n(\\S{20})\\R").matcher(printed);
        assertThat(line.find()).as(printed).isTrue();
        String fresh = line.group(1);

        assertThat(passwordMatches("admin", old)).isFalse();
        assertThat(passwordMatches("admin", fresh)).isTrue();
    }

    @Test
    void resetPasswordOfAnUnknownUserOrWithoutAUserNameFails(CapturedOutput output) {
        assertThat(cli("reset-password", "nobody")).isEqualTo(67);
        assertThat(output.getErr()).contains("没有用户名为 nobody 的账户");
        assertThat(cli("reset-password")).isEqualTo(64);
    }
}
