package io.sitrep.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandApplication {

    public static void main(String[] args) {
        // Axon prints an advertisement for its hosted console at start-up unless told not to.
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandApplication.class, args);
    }
}
