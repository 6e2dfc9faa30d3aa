package io.sitrep.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.OpeningStatus;
import io.sitrep.command.page.PageCommands.DefinePage;
import io.sitrep.events.Impact;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay's publish rate: a backlog of events is written with the relay stopped, then the relay
 * is started and timed until Kafka has acknowledged all of them. PostgreSQL runs durably (fsync on),
 * Kafka is the real single-node broker. Run with
 * {@code ./mvnw -q -pl incident-command -am verify -Pbenchmark}; set -Dbenchmark.events=N to change
 * the backlog (default 20,000).
 */
@Tag("benchmark")
@SpringBootTest(properties = "sitrep.api-keys=bench=pages:write,incidents:write")
@DirtiesContext
class RelayBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 20_000);
    private static final int PAGES = 20;
    private static final int WRITERS = 8;

    private static Path scratch;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        scratch = TestServers.scratchDirectory("sitrep-relay-benchmark-");
        postgres = LocalPostgres.startDurable(scratch.resolve("postgres"), Ports.free());
        postgres.addDataSourceProperties("relay_benchmark", registry::add);
        kafka = LocalKafka.startForTest(scratch.resolve("kafka"), Ports.free());
        TestServers.stopAtExit(scratch, () -> {
            kafka.close();
            postgres.close();
        });
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }


    @Test
    void relayPublishRate() throws Exception {
        EventProcessor relay = processing.eventProcessor("kafka-relay").orElseThrow();
        relay.shutDown();

        long writeStart = System.nanoTime();
        writeBacklog();
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long stored = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();

        long start = System.nanoTime();
        relay.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> published() >= stored);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("%nRelay benchmark (PostgreSQL fsync on, one Kafka broker, acks=all, batches of 100)%n");
        System.out.printf("  backlog written:   %,d events in %.1f s (%,.0f commands/s through Axon, %d writers)%n",
                stored, writeSeconds, stored / writeSeconds, WRITERS);
        System.out.printf("  relay drained it:  %,d events in %.2f s = %,.0f events/s%n%n", stored, seconds,
                stored / seconds);
        assertThat(published()).isEqualTo(stored);
    }

    private double published() {
        return meters.get("sitrep.relay.published").counter().count();
    }

    /**
     * Pages, incidents spread over them (at most 500 updates each, well under the limit of 1,000),
     * then updates written by several writers at once.
     */
    private void writeBacklog() throws Exception {
        int incidentCount = Math.max(PAGES, EVENTS / 500);
        List<String> incidents = new ArrayList<>();
        for (int page = 0; page < PAGES; page++) {
            commands.sendAndWait(new DefinePage("bench-" + page, "Benchmark " + page, "UTC", null));
        }
        for (int i = 0; i < incidentCount; i++) {
            String incidentId = "inc_bench" + i;
            commands.sendAndWait(new OpenIncident(incidentId, "bench-" + (i % PAGES), "upd_open" + i, "Benchmark",
                    Impact.MINOR, OpeningStatus.INVESTIGATING, "opened", Map.of(), null));
            incidents.add(incidentId);
        }
        int updates = EVENTS - PAGES - incidentCount;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    for (int i = first; i < updates; i += WRITERS) {
                        commands.sendAndWait(new PostUpdate(incidents.get(i % incidents.size()), null, "upd_" + i,
                                null, "update " + i, Map.of(), null));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }
}
