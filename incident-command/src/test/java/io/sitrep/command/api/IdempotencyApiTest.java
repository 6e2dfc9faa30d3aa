package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdempotencyApiTest extends ApiTestSupport {

    private static final String OPEN = """
            {"title":"Chat is down","impact":"major","message":"Investigating.","components":{"chat":"major_outage"}}""";

    @Test
    void aRepeatedOpenAnswersAsTheFirstDidAndOpensNoSecondIncident() {
        String pageId = newPage();
        String key = UUID.randomUUID().toString();
        HttpApi.Answer first = expect(api.post("/api/v1/pages/" + pageId + "/incidents", OPEN,
                "Idempotency-Key", key), 201);
        // The same request, its fields in another order.
        HttpApi.Answer repeat = expect(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"components":{"chat":"major_outage"},"message":"Investigating.","impact":"major","title":"Chat is down"}""",
                "Idempotency-Key", key), 201);

        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(incidentsOpenedOn(pageId)).isEqualTo(1);
    }

    @Test
    void aRepeatedUpdateChangesNothing() {
        String incidentId = openIncident(newPage());
        HttpApi.Answer first = expect(api.post("/api/v1/incidents/" + incidentId + "/updates",
                "{\"message\":\"Still on it.\"}", "Idempotency-Key", "update-1"), 200);
        HttpApi.Answer repeat = expect(api.post("/api/v1/incidents/" + incidentId + "/updates",
                "{\"message\":\"Still on it.\"}", "Idempotency-Key", "update-1"), 200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("ETag")).contains("\"2\"");
        assertThat(sequenceNumbers(incidentId)).hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String pageId = newPage();
        String key = UUID.randomUUID().toString();
        expect(api.post("/api/v1/pages/" + pageId + "/incidents", OPEN, "Idempotency-Key", key), 201);
        HttpApi.Answer reused = expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                OPEN.replace("Chat is down", "Chat is slow"), "Idempotency-Key", key), 422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:sitrep:problem:idempotency-key-reused");
        assertThat(incidentsOpenedOn(pageId)).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherCallIsUnprocessable() {
        String incidentId = openIncident(newPage());
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"m\"}",
                "Idempotency-Key", "k-1"), 200);
        expect(api.post("/api/v1/incidents/" + incidentId + "/monitoring", "{\"message\":\"m\"}",
                "Idempotency-Key", "k-1"), 422);
    }

    @Test
    void keysAreScopedToTheApiKey() {
        String pageId = newPage();
        String key = UUID.randomUUID().toString();
        expect(api.post("/api/v1/pages/" + pageId + "/incidents", OPEN, "Idempotency-Key", key), 201);
        expect(api.as(OTHER_KEY).post("/api/v1/pages/" + pageId + "/incidents", OPEN, "Idempotency-Key", key), 201);
        assertThat(incidentsOpenedOn(pageId)).isEqualTo(2);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        String pageId = newPage();
        expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                OPEN.replace("\"chat\"", "\"billing\""), "Idempotency-Key", "retry-me"), 422);
        expect(api.post("/api/v1/pages/" + pageId + "/incidents", OPEN, "Idempotency-Key", "retry-me"), 201);
    }

    @Test
    void concurrentRepeatsOpenOneIncidentAndAllGetItsAnswer() throws Exception {
        String pageId = newPage();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpApi.Answer>> repeats = IntStream.range(0, 8).<Callable<HttpApi.Answer>>mapToObj(i ->
                    () -> api.post("/api/v1/pages/" + pageId + "/incidents", OPEN, "Idempotency-Key", key)).toList();
            List<HttpApi.Answer> answers = pool.invokeAll(repeats).stream().map(IdempotencyApiTest::get).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
            assertThat(answers.stream().map(HttpApi.Answer::body).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(incidentsOpenedOn(pageId)).isEqualTo(1);
    }

    private long incidentsOpenedOn(String pageId) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where payload_type like '%IncidentOpened'
                          and convert_from(payload, 'UTF8')::jsonb ->> 'pageId' = ?""")
                .param(pageId).query(Long.class).single();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
