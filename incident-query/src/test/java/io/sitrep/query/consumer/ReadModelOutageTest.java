package io.sitrep.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import io.sitrep.query.readmodel.ReadModel;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While the read models' database is down, events wait on the topic instead of going to the
 * dead-letter topic, and they are applied once it is back. Meanwhile the instance is out of the load
 * balancer (not ready) but never restarted (alive).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"sitrep.api-keys=test-key=admin",
        "sitrep.kafka.topic=read-model-outage-events", "sitrep.kafka.group=read-model-outage",
        // Fail fast on the missing database, so that the ordinary retries would be over in the outage.
        "spring.datasource.hikari.connection-timeout=250"})
@DirtiesContext
class ReadModelOutageTest {

    private static final String TOPIC = "read-model-outage-events";
    private static Path data;
    private static int postgresPort;
    private static LocalPostgres postgres;

    @Autowired
    ReadModel readModel;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        data = TestServers.scratchDirectory("sitrep-read-model-outage-");
        postgresPort = Ports.free();
        postgres = LocalPostgres.startForTest(data.resolve("data"), postgresPort);
        TestServers.stopAtExit(data, () -> postgres.close());
        postgres.addDataSourceProperties("incident_query", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void eventsWaitForTheDatabaseAndNoneIsDeadLettered() throws Exception {
        double deadLettersBefore = meters.get("sitrep.consumer.dead.letters").counter().count();
        double unreachableBefore = unreachable();
        postgres.close();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String page : new String[] {"first", "second"}) {
                producer.send(new ProducerRecord<>(TOPIC, page, new CloudEventCodec().encode(CloudEventCodec.envelope(
                        new PageDefined(page, "Waited " + page, "UTC", null), UUID.randomUUID().toString(), Instant.now(),
                        1)))).get();
            }
        }
        // More attempts than the three retries after which a record that fails to apply is parked.
        await().atMost(Duration.ofSeconds(30)).until(() -> unreachable() >= unreachableBefore + 4);
        assertThat(meters.get("sitrep.consumer.dead.letters").counter().count()).isEqualTo(deadLettersBefore);
        assertThat(status("/actuator/health/readiness")).isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);

        postgres = LocalPostgres.startForTest(data.resolve("data"), postgresPort);
        // The pool reconnects on its own; until then a read fails too.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> readModel.page("first").isPresent() && readModel.page("second").isPresent());
        assertThat(meters.get("sitrep.consumer.dead.letters").counter().count()).isEqualTo(deadLettersBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private double unreachable() {
        return meters.get("sitrep.consumer.database.unreachable").counter().count();
    }
}
