package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class ConcurrencyApiTest extends ApiTestSupport {

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int pooledConnections;

    @Autowired
    EventStore eventStore;

    @Test
    void fiftyConcurrentUpdatesEachSucceedOrConflictAndNoneIsLost() throws Exception {
        String incidentId = openIncident(newPage());
        List<HttpApi.Answer> answers = concurrently(50, IntStream.range(0, 50).<Callable<HttpApi.Answer>>mapToObj(i ->
                () -> api.post("/api/v1/incidents/" + incidentId + "/updates",
                        "{\"message\":\"update " + i + "\"}")).toList());

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

    /**
     * Far more requests at once than the pool has connections, on a healthy database: they queue for
     * a command worker, and none is told that the event store cannot be reached.
     */
    @Test
    void moreConcurrentWritesThanPooledConnectionsAreAllAcceptedWithout503() throws Exception {
        String pageId = newPage();
        List<String> incidents = IntStream.range(0, 4).mapToObj(i -> openIncident(pageId)).toList();
        int requests = pooledConnections * 8;
        List<HttpApi.Answer> answers = concurrently(pooledConnections * 4, IntStream.range(0, requests)
                .<Callable<HttpApi.Answer>>mapToObj(i -> i % 3 == 0
                        ? () -> api.post("/api/v1/pages/" + pageId + "/incidents",
                                "{\"title\":\"Burst " + i + "\",\"impact\":\"minor\",\"message\":\"m\"}")
                        : () -> api.post("/api/v1/incidents/" + incidents.get(i % incidents.size()) + "/updates",
                                "{\"message\":\"burst " + i + "\"}")).toList());

        assertThat(answers).hasSize(requests).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
    }

    /**
     * This instance keeps the incident in memory after writing it; another instance then writes
     * version 3, which this one has not seen. Writes here are decided on what is stored, not on the
     * copy in memory: a plain update succeeds as version 4 and an If-Match of version 2 is stale.
     */
    @Test
    void writesToAnIncidentThatAnotherInstanceChangedAreDecidedOnWhatIsStored() {
        String pageId = newPage();
        String incidentId = openIncident(pageId);
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"here\"}"), 200);

        eventStore.publish(new GenericDomainEventMessage<>("Incident", incidentId, 2L, new UpdatePosted(incidentId,
                pageId, "upd_elsewhere", "Chat is slow", Impact.MINOR, null, IncidentStatus.INVESTIGATING,
                "written by another instance", Map.of(), Instant.now())));

        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"stale\"}", "If-Match",
                "\"2\""), 412);
        assertThat(expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"after\"}"), 200)
                .json().get("version").asLong()).isEqualTo(4);
        assertThat(sequenceNumbers(incidentId)).containsExactly(0L, 1L, 2L, 3L);
    }
}
