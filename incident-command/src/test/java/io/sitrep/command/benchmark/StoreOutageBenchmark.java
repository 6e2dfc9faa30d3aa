package io.sitrep.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast a write is refused with 503 while the event store is down (the contract asks for under
 * 2 s): PostgreSQL is stopped, then 64 writes are sent at once (more than the commands that run at
 * once, so that some wait their turn) and each is timed, twice. Run with
 * {@code ./mvnw -q -pl incident-command -am verify -Pbenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sitrep.api-keys=bench=pages:write,incidents:write")
@DirtiesContext
class StoreOutageBenchmark {

    private static final int WRITES = 64;
    private static final int ROUNDS = 2;
    private static LocalPostgres postgres;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Path scratch = TestServers.scratchDirectory("sitrep-outage-benchmark-");
        postgres = LocalPostgres.startDurable(scratch.resolve("postgres"), Ports.free());
        TestServers.stopAtExit(scratch, () -> { }); // the test itself stops PostgreSQL
        postgres.addDataSourceProperties("outage_benchmark", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @Test
    void timeTo503WhileTheStoreIsDown() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest write = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/pages/outage"))
                .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Outage\",\"timeZone\":\"UTC\"}")).build();
        assertThat(http.send(write, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(201);

        postgres.close();
        ExecutorService clients = Executors.newFixedThreadPool(WRITES);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<Long>> timed = new ArrayList<>();
                for (int i = 0; i < WRITES; i++) {
                    timed.add(clients.submit(() -> {
                        long start = System.nanoTime();
                        HttpResponse<Void> answer = http.send(write, HttpResponse.BodyHandlers.discarding());
                        assertThat(answer.statusCode()).isEqualTo(503);
                        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                        return (System.nanoTime() - start) / 1_000_000;
                    }));
                }
                long[] millis = new long[WRITES];
                for (int i = 0; i < WRITES; i++) {
                    millis[i] = timed.get(i).get();
                }
                Arrays.sort(millis);
                System.out.printf("%nEvent store down, round %d: %d writes at once refused with 503 + Retry-After; "
                        + "median %d ms, max %d ms%n%n", round, WRITES, millis[WRITES / 2], millis[WRITES - 1]);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
