package io.sitrep.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import io.sitrep.query.IncidentQueryApplication;
import io.sitrep.query.readmodel.ReadModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * incident-query stops cleanly: the consumer commits what it applied, so the next start goes on
 * from there without applying anything twice; and with Kafka away it stops all the same, keeping
 * the read models it has.
 */
class ConsumerShutdownTest {

    private static final String TOPIC = "consumer-shutdown-events";
    private static Path kafkaData;
    private static int kafkaPort;
    private static LocalKafka kafka;
    private ConfigurableApplicationContext service;

    @BeforeAll
    static void startKafka() throws Exception {
        kafkaData = TestServers.scratchDirectory("sitrep-consumer-shutdown-kafka-");
        kafkaPort = Ports.free();
        kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
        TestServers.stopAtExit(kafkaData, () -> kafka.close());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void whatWasAppliedBeforeAStopIsNotAppliedAgainAfterIt() throws Exception {
        service = start();
        List<String> before = publishPages(20);
        awaitApplied(before);
        service.close();

        service = start();
        List<String> after = publishPages(5);
        awaitApplied(after);
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        assertThat(meters.get("sitrep.consumer.events").counters().stream().mapToDouble(counter -> counter.count()).sum())
                .as("only the events published since the restart were consumed").isEqualTo(after.size());
        assertThat(meters.get("sitrep.consumer.skipped").counter().count()).as("none redelivered").isZero();
    }

    @Test
    void itStopsWithKafkaAwayAndKeepsItsReadModels() throws Exception {
        service = start();
        List<String> pages = publishPages(5);
        awaitApplied(pages);
        kafka.close();
        try {
            // A guard against hanging, not a speed test: the time it took is printed for the closing note.
            long closing = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), service::close);
            System.out.printf("[shutdown] incident-query stopped %.1f s after it was told to, with Kafka away%n",
                    (System.nanoTime() - closing) / 1e9);

            service = start();
            ReadModel readModel = service.getBean(ReadModel.class);
            assertThat(pages).allSatisfy(page -> assertThat(readModel.page(page)).isPresent());
        } finally {
            kafka = LocalKafka.startForTest(kafkaData, kafkaPort);
        }
    }

    private List<String> publishPages(int count) throws Exception {
        List<String> pages = new ArrayList<>();
        CloudEventCodec codec = new CloudEventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String page = "stop-" + UUID.randomUUID().toString().substring(0, 8);
                producer.send(new ProducerRecord<>(TOPIC, page, codec.encode(CloudEventCodec.envelope(
                        new PageDefined(page, "Stopping", "UTC", null), UUID.randomUUID().toString(), Instant.now(),
                        1)))).get();
                pages.add(page);
            }
        }
        return pages;
    }

    private void awaitApplied(List<String> pages) {
        ReadModel readModel = service.getBean(ReadModel.class);
        await("the pages applied").atMost(Duration.ofSeconds(60))
                .until(() -> pages.stream().allMatch(page -> readModel.page(page).isPresent()));
    }

    /** incident-query, with its settings given as command-line arguments (over application.properties). */
    private static ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                "--server.port=0", "--sitrep.api-keys=test-key=admin", "--sitrep.kafka.topic=" + TOPIC,
                "--sitrep.kafka.group=consumer-shutdown"));
        LocalPostgres.shared().addDataSourceProperties("incident_query_shutdown",
                (name, value) -> arguments.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(IncidentQueryApplication.class).run(arguments.toArray(String[]::new));
    }
}
