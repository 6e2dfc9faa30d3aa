package io.sitrep.query.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import io.sitrep.query.readmodel.Projector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests per second of {@code GET /api/v1/pages/{pageId}/summary} for a page of 20 components in
 * 4 groups with 3 unresolved incidents of 10 updates each, on a durable PostgreSQL, from 16
 * concurrent HTTP clients in the same JVM (so client and server share the machine's cores). Run
 * with {@code ./mvnw -q -pl incident-query -am verify -Pbenchmark}; -Dbenchmark.seconds=N sets the
 * measured time (default 20 s, after 5 s of warm-up).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitrep.api-keys=test-key=admin")
@DirtiesContext
class SummaryBenchmark {

    private static final int CLIENTS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private static final String PAGE = "benchmark";

    @LocalServerPort
    int port;

    @Autowired
    Projector projector;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Path scratch = TestServers.scratchDirectory("sitrep-summary-benchmark-");
        LocalPostgres postgres = LocalPostgres.startDurable(scratch.resolve("postgres"), Ports.free());
        TestServers.stopAtExit(scratch, postgres::close);
        postgres.addDataSourceProperties("summary_benchmark", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @Test
    void summaryRequestsPerSecond() throws Exception {
        loadPage();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/pages/" + PAGE + "/summary")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        run(http, request, WARM_UP);
        long[] latencies = run(http, request, MEASURED);

        Arrays.sort(latencies);
        System.out.printf("%nSummary benchmark (PostgreSQL fsync on, %d clients, %d s)%n", CLIENTS,
                MEASURED.toSeconds());
        System.out.printf("  %,d requests = %,.0f requests/s; latency p50 %.1f ms, p99 %.1f ms%n%n", latencies.length,
                latencies.length / (double) MEASURED.toSeconds(), percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    /** Runs the clients for the duration; answers every request's latency in nanoseconds. */
    private static long[] run(HttpClient http, HttpRequest request, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            results.add(clients.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        clients.shutdown();
        assertThat(failures.get()).as("requests that did not answer 200").isZero();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] / 1e6;
    }

    private void loadPage() {
        Instant t0 = Instant.parse("2024-11-25T16:00:00Z");
        List<SitrepEvent> pageEvents = new ArrayList<>();
        pageEvents.add(new PageEvent.PageDefined(PAGE, "Benchmark", "America/Los_Angeles", null));
        for (int c = 0; c < 20; c++) {
            pageEvents.add(new PageEvent.ComponentDefined(PAGE, "c" + c, "Component " + c, "Group " + (c % 4), c));
        }
        for (int i = 0; i < pageEvents.size(); i++) {
            projector.apply(CloudEventCodec.envelope(pageEvents.get(i), UUID.randomUUID().toString(), t0, i + 1));
        }
        for (int n = 0; n < 3; n++) {
            String incident = "inc_bench" + n;
            projector.apply(CloudEventCodec.envelope(new IncidentEvent.IncidentOpened(incident, PAGE, incident + "-0",
                    "Incident " + n, Impact.MAJOR, IncidentStatus.INVESTIGATING, "opened",
                    Map.of("c" + n, ComponentStatus.PARTIAL_OUTAGE), t0), UUID.randomUUID().toString(), t0, 1));
            for (int u = 1; u < 10; u++) {
                projector.apply(CloudEventCodec.envelope(new IncidentEvent.UpdatePosted(incident, PAGE,
                        incident + "-" + u, "Incident " + n, Impact.MAJOR, null, IncidentStatus.INVESTIGATING,
                        "update " + u, Map.of(), t0.plusSeconds(u)), UUID.randomUUID().toString(), t0, u + 1));
            }
        }
    }
}
