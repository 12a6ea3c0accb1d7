package org.shegong.system.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs the command named by the first argument when the jar is started as a command, not as a server. */
@Component
@Profile("cli")
public class CommandLineMode implements ApplicationRunner, ExitCodeGenerator {

    /** Names recognised before the context starts, so the web server is not started for them. */
    static final Set<String> COMMANDS = Set.of("import", "reindex", "retag", "digest", "reset-password", "export",
            "backup");
    private static final Logger log = LoggerFactory.getLogger(CommandLineMode.class);

    private final List<CliCommand> commands;
    private int exitCode;

    public CommandLineMode(List<CliCommand> commands) {
        this.commands = commands;
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] raw = arguments.getSourceArgs();
        CliCommand command = raw.length == 0 ? null
                : commands.stream().filter(c -> c.name().equals(raw[0])).findFirst().orElse(null);
        if (command == null) {
            System.err.println("用法: java -jar shegong.jar <命令>, 命令为:");
            commands.forEach(c -> System.err.println("  " + c.usage()));
            System.err.println("  restore 备份目录              恢复 backup 做的备份 (须先停止网站)");
            exitCode = 64;
            return;
        }
        List<String> rest = Arrays.asList(raw).subList(1, raw.length);
        try {
            exitCode = command.run(rest);
        } catch (Exception e) {
            log.error("{} failed: {}", command.name(), e.getMessage(), e);
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
