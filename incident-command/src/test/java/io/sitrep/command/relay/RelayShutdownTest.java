package io.sitrep.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.command.CommandApplication;
import io.sitrep.command.api.ApiTestSupport;
import io.sitrep.command.api.HttpApi;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * incident-command stops cleanly while Kafka is away, with events the relay could not publish yet:
 * the relay gives up its batch unpublished rather than holding the shutdown, its token stays where
 * Kafka last acknowledged, and the next start publishes every event, in per-page order.
 */
class RelayShutdownTest {

    private static final String DATABASE = "incident_command_shutdown";
    private static final String KEY = "shutdown-key";

    private static Path kafkaData;
    private static int kafkaPort;
    private static LocalKafka kafka;
    private ConfigurableApplicationContext service;

    @BeforeAll
    static void startKafka() {
        kafkaData = TestServers.scratchDirectory("sitrep-shutdown-kafka-");
        kafkaPort = Ports.free();
        kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
        TestServers.stopAtExit(kafkaData, () -> kafka.close());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aShutdownWithKafkaAwayLosesNoEvent() {
        service = start();
        HttpApi api = api(service);
        String pageId = "shutdown-" + System.nanoTime();
        ApiTestSupport.expect(api.put("/api/v1/pages/" + pageId, "{\"name\":\"Shutdown\",\"timeZone\":\"UTC\"}"), 201);
        String incidentId = ApiTestSupport.expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"t\",\"impact\":\"major\",\"message\":\"opened\"}"), 201).json().get("incidentId").asString();

        kafka.close();
        for (int i = 0; i < 10; i++) {
            ApiTestSupport.expect(api.post("/api/v1/incidents/" + incidentId + "/updates",
                    "{\"message\":\"update " + i + "\"}"), 200);
        }
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        await("the relay sending a batch again").atMost(Duration.ofSeconds(60))
                .until(() -> meters.counter("sitrep.relay.retries").count() > 0);

        // A guard against hanging, not a speed test: the time it took is printed for the closing note.
        long closing = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(60), service::close);
        System.out.printf("[shutdown] incident-command stopped %.1f s after it was told to, with Kafka away%n",
                (System.nanoTime() - closing) / 1e9);

        kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
        service = start();
        List<String> stored = ApiTestSupport.storedEventIds(service.getBean(JdbcClient.class), pageId);
        assertThat(stored).as("the page, the opening and ten updates").hasSize(12);
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
                service.getBean(RelayProperties.class).topic())) {
            List<TopicReader.Received> records = reader.readUntil(
                    all -> RelayTest.distinctIds(RelayTest.onPage(all, pageId)).size() == stored.size(), Duration.ofSeconds(60));
            assertThat(RelayTest.distinctIds(RelayTest.onPage(records, pageId)))
                    .as("every event, in the order it was stored").containsExactlyElementsOf(stored);
        }
    }

    /** incident-command, with its settings given as command-line arguments (over application.properties). */
    private static ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "--server.port=0", "--sitrep.api-keys=" + KEY + "=pages:write,incidents:write"));
        LocalPostgres.shared().addDataSourceProperties(DATABASE,
                (name, value) -> arguments.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(CommandApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpApi api(ConfigurableApplicationContext service) {
        return new HttpApi(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")), KEY);
    }
}
