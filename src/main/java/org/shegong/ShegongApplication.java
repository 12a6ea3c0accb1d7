package org.shegong;

import org.shegong.system.backup.H2Restore;
import org.shegong.system.cli.CommandLineMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ShegongApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            // Replaces the database file, so it must run before anything opens the database.
            System.exit(H2Restore.run(args));
        }
        SpringApplication app = new SpringApplication(ShegongApplication.class);
        if (CommandLineMode.isCommand(args)) {
            // A command (e.g. "import FILE") runs against the same database without opening a port.
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
