package io.sitrep.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side of Sitrep: read models fed from the event stream, and the read API. */
@SpringBootApplication
public class IncidentQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentQueryApplication.class, args);
    }
}
