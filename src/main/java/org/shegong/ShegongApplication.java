package org.shegong;

import org.shegong.system.cli.CommandLineMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ShegongApplication {

    public static void main(String[] args) {
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
