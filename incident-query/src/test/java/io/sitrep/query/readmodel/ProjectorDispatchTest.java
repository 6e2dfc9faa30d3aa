package io.sitrep.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.PageEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.query.QueryTestSupport;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every event type of every sealed family reaches a projection that applies it. The types come from
 * the families' {@code permits} clauses, so a new event type fails this test until the read side
 * handles it, rather than failing in production, where it would go to the dead-letter topic.
 */
class ProjectorDispatchTest extends QueryTestSupport {

    @Test
    void aSampleOfEveryPermittedEventTypeApplies() throws Exception {
        String pageId = unique("dispatch");
        String incidentId = "inc_" + pageId;
        List<Class<?>> types = Stream.of(SitrepEvent.class.getPermittedSubclasses())
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();
        assertThat(types).as("the event types of both families").hasSize(
                PageEvent.class.getPermittedSubclasses().length + IncidentEvent.class.getPermittedSubclasses().length);

        List<String> applied = new ArrayList<>();
        for (Class<?> type : types) {
            EventEnvelope envelope = envelope((SitrepEvent) sample(type, pageId, incidentId), NOW);
            if (projector.apply(envelope)) {
                applied.add(type.getSimpleName());
            }
        }

        assertThat(applied).containsExactlyElementsOf(types.stream().map(Class::getSimpleName).toList());
    }

    /**
     * An instance of an event record, its fields filled by type and name: the page's and the
     * incident's ids where they go, a fresh id for an update, the first constant of an enum.
     */
    private static Object sample(Class<?> type, String pageId, String incidentId) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], pageId, incidentId);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }

    private static Object value(RecordComponent component, String pageId, String incidentId) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == String.class) {
            return switch (name) {
                case "pageId" -> pageId;
                case "incidentId" -> incidentId;
                case "hostname" -> null;
                default -> name.endsWith("Id") ? UUID.randomUUID().toString() : "A sample " + name;
            };
        }
        if (type == Instant.class) {
            return NOW;
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == int.class) {
            return 0;
        }
        throw new IllegalArgumentException("no sample value for " + type + " " + name + ": add one here");
    }
}
