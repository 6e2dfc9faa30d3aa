package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ConcurrencyApiTest extends ApiTestSupport {

    @Test
    void fiftyConcurrentUpdatesEachSucceedOrConflictAndNoneIsLost() throws Exception {
        String incidentId = openIncident(newPage());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<HttpApi.Answer> answers;
        try {
            List<Callable<HttpApi.Answer>> updates = IntStream.range(0, 50).<Callable<HttpApi.Answer>>mapToObj(i ->
                    () -> api.post("/api/v1/incidents/" + incidentId + "/updates",
                            "{\"message\":\"update " + i + "\"}")).toList();
            answers = pool.invokeAll(updates).stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.toString()).isIn(200, 409));
        List<Long> versions = answers.stream().filter(answer -> answer.status() == 200)
                .map(answer -> answer.json().get("version").asLong()).toList();
        assertThat(versions).doesNotHaveDuplicates();

        // Every update that succeeded is stored, and only those: the stream has no gap and no duplicate.
        List<Long> stored = sequenceNumbers(incidentId);
        assertThat(stored).containsExactlyElementsOf(LongStream.range(0, 1 + versions.size()).boxed().toList());
        List<String> messages = jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'message' from domain_event_entry
                        where aggregate_identifier = ? and sequence_number > 0""")
                .param(incidentId).query(String.class).list();
        assertThat(messages).doesNotHaveDuplicates().hasSize(versions.size());
    }
}
