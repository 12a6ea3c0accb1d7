package org.shegong.system.cli;

import java.util.List;

/** A command-line mode of the application jar, e.g. {@code java -jar shegong.jar import FILE}. */
public interface CliCommand {

    String name();

    String usage();

    /** Runs the command; returns the process exit code. */
    int run(List<String> arguments) throws Exception;
}
