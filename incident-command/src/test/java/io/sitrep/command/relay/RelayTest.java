package io.sitrep.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.command.api.ApiTestSupport;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.PageEvent;
import io.sitrep.local.LocalKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Commands through the write API reach the topic as the contract describes, in per-page order. */
class RelayTest extends ApiTestSupport {

    @Autowired
    RelayProperties relay;

    @Test
    void everyEventOfACommandBecomesOneRecordWithTheContractsEnvelope() {
        Instant before = Instant.now();
        String pageId = newPage();
        String incidentId = openIncident(pageId);
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Still slow.\"}"), 200);

        List<TopicReader.Received> records;
        try (TopicReader reader = new TopicReader(LocalKafka.shared().bootstrapServers(), relay.topic())) {
            records = reader.readUntil(all -> onPage(all, pageId).size() >= 6, Duration.ofSeconds(60));
        }
        List<TopicReader.Received> page = onPage(records, pageId);
        assertThat(page).hasSize(6);
        assertThat(page).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(pageId);
            assertThat(record.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(record.envelope().source()).isEqualTo("/sitrep/pages/" + pageId);
            assertThat(record.envelope().recordedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        });
        assertThat(page.stream().map(record -> record.envelope().type())).containsExactly(
                "io.sitrep.page.defined.v1", "io.sitrep.component.defined.v1", "io.sitrep.component.defined.v1",
                "io.sitrep.component.defined.v1", "io.sitrep.incident.opened.v1", "io.sitrep.incident.update-posted.v1");
        assertThat(page.stream().map(record -> record.envelope().subject())).containsExactly(
                pageId, "api", "chat", "web", incidentId, incidentId);
        // sequence is the version of the event's aggregate: the page's, then the incident's.
        assertThat(page.stream().map(record -> record.envelope().sequence())).containsExactly(1L, 2L, 3L, 4L, 1L, 2L);
        assertThat(page.stream().map(record -> record.envelope().id())).doesNotHaveDuplicates()
                .containsExactlyElementsOf(storedEventIds(jdbc, pageId));
        assertThat(page.get(4).envelope().event()).isInstanceOfSatisfying(IncidentEvent.IncidentOpened.class,
                opened -> assertThat(opened.title()).isEqualTo("Chat is slow"));
        assertThat(page.get(1).envelope().event()).isInstanceOfSatisfying(PageEvent.ComponentDefined.class,
                component -> assertThat(component.group()).isEqualTo("Platform"));
    }

    @Test
    void aThousandEventsOfTwentyPagesArriveInPerPageOrderWithUniqueIds() throws Exception {
        List<String> pages = IntStream.range(0, 20).mapToObj(i -> "bulk-" + i + "-" + System.nanoTime()).toList();
        ExecutorService writers = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String pageId : pages) {
                done.add(writers.submit(() -> fiftyEventsOn(pageId)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }

        List<TopicReader.Received> records;
        try (TopicReader reader = new TopicReader(LocalKafka.shared().bootstrapServers(), relay.topic())) {
            records = reader.readUntil(all -> pages.stream().allMatch(page -> distinctIds(onPage(all, page)).size() >= 50),
                    Duration.ofSeconds(120));
        }
        List<String> ids = pages.stream().flatMap(page -> onPage(records, page).stream())
                .map(record -> record.envelope().id()).toList();
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        for (String pageId : pages) {
            assertThat(distinctIds(onPage(records, pageId))).as("events of %s in the order they were stored", pageId)
                    .containsExactlyElementsOf(storedEventIds(jdbc, pageId));
        }
    }

    /** A page (1 event), an incident (1) and 48 updates: 50 events. */
    private void fiftyEventsOn(String pageId) {
        expect(api.put("/api/v1/pages/" + pageId, "{\"name\":\"Bulk\",\"timeZone\":\"UTC\"}"), 201);
        String incidentId = expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"t\",\"impact\":\"minor\",\"message\":\"opened\"}"), 201).json().get("incidentId").asString();
        for (int i = 0; i < 48; i++) {
            expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"update " + i + "\"}"), 200);
        }
    }

    static List<TopicReader.Received> onPage(List<TopicReader.Received> records, String pageId) {
        return records.stream().filter(record -> pageId.equals(record.key())).toList();
    }

    /** The ids in the order they first arrived: a redelivery repeats an id, it never reorders. */
    static List<String> distinctIds(List<TopicReader.Received> records) {
        return List.copyOf(records.stream().map(record -> record.envelope().id())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
