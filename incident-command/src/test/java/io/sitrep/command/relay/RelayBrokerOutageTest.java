package io.sitrep.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.command.api.ApiTestSupport;
import io.sitrep.command.api.HttpApi;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker goes away in the middle of a stream of commands and comes back: no command fails,
 * and every event reaches the topic, in per-page order. The producer gives up on a send after 3 s
 * here, and the broker comes back only once a whole relay batch has failed, so that the relay has
 * to send it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.api-keys=test-key=pages:write,incidents:write",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.admin.operation-timeout=1s"})
@DirtiesContext
class RelayBrokerOutageTest {

    private static final int COMMANDS = 120;

    private static Path kafkaData;
    private static int kafkaPort;
    private static LocalKafka kafka;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RelayProperties relay;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalPostgres.shared().addDataSourceProperties("incident_command_broker_outage", registry::add);
        kafkaData = TestServers.scratchDirectory("sitrep-outage-kafka-");
        kafkaPort = Ports.free();
        kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
        TestServers.stopAtExit(kafkaData, () -> kafka.close());
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + kafkaPort);
    }


    /** Whether Kafka failed to acknowledge a batch, which the relay is sending again. */
    private boolean relayRetrying() {
        return meters.counter("sitrep.relay.retries").count() > 0;
    }

    @Test
    void everyEventArrivesInPerPageOrderAndNoCommandFailsWhileTheBrokerIsAway() {
        HttpApi api = new HttpApi(port, "test-key");
        List<String> pages = IntStream.range(0, 5).mapToObj(i -> "outage-" + i).toList();
        List<String> incidents = new ArrayList<>();
        for (String pageId : pages) {
            ApiTestSupport.expect(api.put("/api/v1/pages/" + pageId, "{\"name\":\"Outage\",\"timeZone\":\"UTC\"}"), 201);
            incidents.add(ApiTestSupport.expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                    "{\"title\":\"t\",\"impact\":\"major\",\"message\":\"opened\"}"), 201)
                    .json().get("incidentId").asString());
        }

        for (int i = 0; i < COMMANDS; i++) {
            if (i == COMMANDS / 4) {
                kafka.close();
            }
            if (i == 3 * COMMANDS / 4) {
                // Back only once a whole batch has failed to publish, so that the relay must retry it.
                await().atMost(Duration.ofSeconds(60)).until(this::relayRetrying);
                // Kafka away: the service stays ready (the event store is the outbox) and alive.
                ApiTestSupport.expect(api.as(null).get("/actuator/health/readiness"), 200);
                ApiTestSupport.expect(api.as(null).get("/actuator/health/liveness"), 200);
                kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
            }
            ApiTestSupport.expect(api.post("/api/v1/incidents/" + incidents.get(i % pages.size()) + "/updates",
                    "{\"message\":\"update " + i + "\"}"), 200);
        }

        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), relay.topic())) {
            List<TopicReader.Received> records = reader.readUntil(all -> pages.stream().allMatch(pageId ->
                    RelayTest.distinctIds(RelayTest.onPage(all, pageId)).size() == ApiTestSupport.storedEventIds(jdbc, pageId).size()),
                    Duration.ofSeconds(180));
            for (String pageId : pages) {
                assertThat(RelayTest.distinctIds(RelayTest.onPage(records, pageId)))
                        .as("events of %s, in the order they were stored", pageId)
                        .containsExactlyElementsOf(ApiTestSupport.storedEventIds(jdbc, pageId));
            }
        }
    }
}
