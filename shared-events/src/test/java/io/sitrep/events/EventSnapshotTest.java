package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the JSON form of every event type against an approved file in
 * {@code src/test/resources/snapshots}. A change to an event's wire form fails here; if the change
 * is intended (and compatible), copy the received file from {@code target/snapshots} over the
 * approved one.
 */
class EventSnapshotTest {

    private static final Path APPROVED = Path.of("src/test/resources/snapshots");
    private static final Path RECEIVED = Path.of("target/snapshots");
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Instant AT = Instant.parse("2024-11-25T16:23:00Z");

    static List<Object> samples() {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        components.put("chat", ComponentStatus.PARTIAL_OUTAGE);
        components.put("agents", ComponentStatus.DEGRADED_PERFORMANCE);
        return List.of(
                new PageEvent.PageDefined("olark", "Olark Live Chat", "America/Los_Angeles"),
                new PageEvent.ComponentDefined("olark", "chat", "Chat", "Live Chat", 0),
                new IncidentEvent.IncidentOpened("inc_abcdefghijklmnop", "olark", "upd_abcdefghijklmnop",
                        "Incident Alerted", Impact.MAJOR, IncidentStatus.INVESTIGATING,
                        "We've detected an issue.", components, AT),
                new IncidentEvent.UpdatePosted("inc_abcdefghijklmnop", "olark", "upd_bcdefghijklmnopq",
                        "Incident Alerted", Impact.MAJOR, null, IncidentStatus.INVESTIGATING,
                        "We're continuing to investigate.", Map.of(), AT.plusSeconds(480)),
                new IncidentEvent.MonitoringStarted("inc_abcdefghijklmnop", "olark", "upd_cdefghijklmnopqr",
                        "Incident Alerted", Impact.MAJOR, "We've implemented a fix.",
                        Map.of("chat", ComponentStatus.DEGRADED_PERFORMANCE), AT.plusSeconds(5640)),
                new IncidentEvent.IncidentResolved("inc_abcdefghijklmnop", "olark", "upd_defghijklmnopqrs",
                        "Incident Alerted", Impact.MAJOR, "This incident has been resolved.",
                        Map.of("chat", ComponentStatus.OPERATIONAL, "agents", ComponentStatus.OPERATIONAL),
                        AT.plusSeconds(12000)),
                new IncidentEvent.PostmortemPublished("inc_abcdefghijklmnop", "olark", "Incident Alerted",
                        Impact.MAJOR, "## What happened\n\nA queuing node lost connectivity.",
                        AT.plusSeconds(105420)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializedFormMatchesTheApprovedSnapshot(Object event) throws IOException {
        String name = event.getClass().getSimpleName();
        String received = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
        Path approved = APPROVED.resolve(name + ".json");
        if (!Files.exists(approved) || !Files.readString(approved).equals(received)) {
            Files.createDirectories(RECEIVED);
            Files.writeString(RECEIVED.resolve(name + ".json"), received, StandardCharsets.UTF_8);
            fail("The JSON of %s differs from %s; the received form is in %s", name, approved,
                    RECEIVED.resolve(name + ".json"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void approvedSnapshotReadsBackAsTheSameEvent(Object event) throws IOException {
        Path approved = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
        assertThat(JSON.readValue(approved.toFile(), event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventTypeHasASample() {
        List<Class<?>> sampled = samples().stream().<Class<?>>map(Object::getClass).toList();
        Stream.of(PageEvent.class, IncidentEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> assertThat(sampled).as("samples").contains(type));
    }
}
