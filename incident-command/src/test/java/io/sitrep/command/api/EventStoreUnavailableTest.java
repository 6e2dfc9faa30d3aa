package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the event store's PostgreSQL stopped, a write is answered at once with 503 and Retry-After
 * and changes nothing; once PostgreSQL is back, writes go on where they were. The log says so, in
 * the line's context the request's trace and the incident it was about.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureTracing
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sitrep.api-keys=test-key=pages:write,incidents:write")
@DirtiesContext
class EventStoreUnavailableTest {

    private static Path data;
    private static int postgresPort;
    private static LocalPostgres postgres;

    @LocalServerPort
    int port;

    @Value("${sitrep.command.workers}")
    int workers;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        data = TestServers.scratchDirectory("sitrep-unavailable-test-");
        postgresPort = Ports.free();
        postgres = LocalPostgres.startForTest(data.resolve("data"), postgresPort);
        TestServers.stopAtExit(data, () -> postgres.close());
        postgres.addDataSourceProperties("incident_command", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @Test
    void writesAreRefusedWith503WhileTheStoreIsDownAndGoOnAfterwards(CapturedOutput output) {
        HttpApi api = new HttpApi(port, "test-key");
        ApiTestSupport.expect(api.put("/api/v1/pages/outage", "{\"name\":\"Outage\",\"timeZone\":\"UTC\"}"), 201);
        String incidentId = ApiTestSupport.expect(api.post("/api/v1/pages/outage/incidents", """
                {"title":"Database down","impact":"critical","message":"Investigating."}"""), 201)
                .json().get("incidentId").asString();

        postgres.close();
        // A guard against hanging, not a speed test: the contract's 2 s is measured in the closing note.
        HttpApi.Answer refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Still down.\"}"));
        ApiTestSupport.expect(refused, 503);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(output.getOut()).as("the warning, with its trace and incident")
                .containsPattern("\\[[0-9a-f]{32},[0-9a-f]{16} incident=" + incidentId + "\\] .*Event store unreachable");
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        ApiTestSupport.expect(api.as(null).get("/actuator/health"), 503);
        // Out of the load balancer while its database is gone, but never restarted for it.
        ApiTestSupport.expect(api.as(null).get("/actuator/health/readiness"), 503);
        ApiTestSupport.expect(api.as(null).get("/actuator/health/liveness"), 200);
        // Many writes at once, more than run at once: each is told, none waits on a pool that cannot connect.
        List<HttpApi.Answer> burst = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                ApiTestSupport.concurrently(workers * 3, IntStream.range(0, workers * 3).<Callable<HttpApi.Answer>>mapToObj(i -> () ->
                        api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Down " + i + "\"}"))
                        .toList()));
        assertThat(burst).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isPresent();
        });

        postgres = LocalPostgres.startForTest(data.resolve("data"), postgresPort);
        // As a client honouring Retry-After would: wait until the service reports its store is back.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as(null).get("/actuator/health").status() == 200);
        ApiTestSupport.expect(api.as(null).get("/actuator/health/readiness"), 200);
        HttpApi.Answer after = ApiTestSupport.expect(
                api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Back.\"}"), 200);
        assertThat(after.json().get("version").asLong()).as("the refused update left no trace").isEqualTo(2);
    }
}
