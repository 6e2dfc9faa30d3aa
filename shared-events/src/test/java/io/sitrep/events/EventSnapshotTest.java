package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    private static final ApprovedSnapshots SNAPSHOTS = new ApprovedSnapshots("");
    private static final ObjectMapper JSON = EventJson.newMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void serializedFormMatchesTheApprovedSnapshot(Object event) throws IOException {
        SNAPSHOTS.verify(event.getClass().getSimpleName(),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void approvedSnapshotReadsBackAsTheSameEvent(Object event) throws IOException {
        Path approved = SNAPSHOTS.approved(event.getClass().getSimpleName());
        assertThat(JSON.readValue(approved.toFile(), event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventTypeHasASample() {
        List<Class<?>> sampled = EventSamples.all().stream().<Class<?>>map(Object::getClass).toList();
        Stream.of(PageEvent.class, IncidentEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> assertThat(sampled).as("samples").contains(type));
    }
}
