package io.sitrep.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * {@link RunningSitrep} on the images production runs, in Docker: PostgreSQL 17 and Apache Kafka at
 * the clients' version. Started once for the end-to-end tests' container variants (each marked
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so skipped where there is no Docker, as on
 * the machine this was written on, where they have never run), stopped when the JVM exits.
 */
final class SitrepOnContainers {

    private static RunningSitrep instance;

    private SitrepOnContainers() {
    }

    static synchronized RunningSitrep get() {
        if (instance == null) {
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17").withDatabaseName("e2e_command");
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
            postgres.start();
            kafka.start();
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                    postgres.getPassword()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE e2e_query");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the query side's database", e);
            }
            RunningSitrep sitrep = RunningSitrep.start(postgres.getJdbcUrl(),
                    postgres.getJdbcUrl().replace("/e2e_command", "/e2e_query"), postgres.getUsername(),
                    postgres.getPassword(), kafka.getBootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sitrep.close();
                kafka.stop();
                postgres.stop();
            }, "sitrep-containers-stop"));
            instance = sitrep;
        }
        return instance;
    }
}
