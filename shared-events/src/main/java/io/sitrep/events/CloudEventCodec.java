package io.sitrep.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns Sitrep's events into CloudEvents 1.0 in structured JSON mode and back: the one mapping the
 * Kafka relay and every consumer share. Unknown attributes and unknown fields in {@code data} are
 * ignored, so consumers keep reading what a newer Sitrep writes.
 */
public final class CloudEventCodec {

    /** The content type of a structured-mode CloudEvent, for the Kafka record's content-type header. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final String SEQUENCE = "sequence";
    private static final String VERSION = "version";
    private static final Map<Class<? extends SitrepEvent>, String> TYPES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends SitrepEvent>> CLASSES = new LinkedHashMap<>();

    static {
        type(PageEvent.PageDefined.class, "io.sitrep.page.defined.v1");
        type(PageEvent.ComponentDefined.class, "io.sitrep.component.defined.v1");
        type(IncidentEvent.IncidentOpened.class, "io.sitrep.incident.opened.v1");
        type(IncidentEvent.UpdatePosted.class, "io.sitrep.incident.update-posted.v1");
        type(IncidentEvent.MonitoringStarted.class, "io.sitrep.incident.monitoring-started.v1");
        type(IncidentEvent.IncidentResolved.class, "io.sitrep.incident.resolved.v1");
        type(IncidentEvent.PostmortemPublished.class, "io.sitrep.incident.postmortem-published.v1");
    }

    private final ObjectMapper json = EventJson.newMapper();
    private final JsonFormat format = new JsonFormat();

    private static void type(Class<? extends SitrepEvent> event, String type) {
        TYPES.put(event, type);
        CLASSES.put(type, event);
    }

    /** The CloudEvents type of an event class, such as {@code io.sitrep.incident.opened.v1}. */
    public static String typeOf(Class<? extends SitrepEvent> event) {
        String type = TYPES.get(event);
        if (type == null) {
            throw new IllegalArgumentException("No CloudEvents type for " + event.getName());
        }
        return type;
    }

    /** The source of a page's events: {@code /sitrep/pages/<pageId>}. */
    public static String sourceOf(String pageId) {
        return "/sitrep/pages/" + pageId;
    }

    /** The Kafka key of an event: its page, so that all events of one page keep their order. */
    public static String keyOf(SitrepEvent event) {
        return event.pageId();
    }

    public byte[] encode(EventEnvelope envelope) {
        return format.serialize(toCloudEvent(envelope.event(), envelope.id(), envelope.recordedAt(),
                envelope.sequence()));
    }

    /** The envelope of a stored event: its id, when it was recorded and its aggregate version. */
    public static EventEnvelope envelope(SitrepEvent event, String id, Instant recordedAt, long sequence) {
        return new EventEnvelope(id, typeOf(event.getClass()), sourceOf(event.pageId()), event.subject(),
                recordedAt, sequence, event);
    }

    private CloudEvent toCloudEvent(SitrepEvent event, String id, Instant recordedAt, long sequence) {
        try {
            return CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(URI.create(sourceOf(event.pageId())))
                    .withType(typeOf(event.getClass()))
                    .withSubject(event.subject())
                    .withTime(recordedAt.atOffset(ZoneOffset.UTC))
                    .withExtension(SEQUENCE, sequence(sequence))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data(event, sequence)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + event, e);
        }
    }

    /** The event's fields and, as a number, its aggregate's version. */
    private ObjectNode data(SitrepEvent event, long sequence) {
        ObjectNode data = json.valueToTree(event);
        return data.put(VERSION, sequence);
    }

    /**
     * The sequence attribute: the version in ten digits, because the CloudEvents sequence extension
     * compares values as strings ("0000000010" after "0000000009"; "10" would sort before "9").
     */
    static String sequence(long version) {
        return String.format("%010d", version);
    }

    /**
     * Reads a structured-mode CloudEvent. Fails with {@link IllegalArgumentException} on anything
     * that is not a well-formed Sitrep event of a known type.
     */
    public EventEnvelope decode(byte[] value) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = format.deserialize(value);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Not a CloudEvent in structured JSON: " + e.getMessage(), e);
        }
        Class<? extends SitrepEvent> eventClass = CLASSES.get(cloudEvent.getType());
        if (eventClass == null) {
            throw new IllegalArgumentException("Unknown event type " + cloudEvent.getType());
        }
        if (cloudEvent.getData() == null || cloudEvent.getTime() == null
                || cloudEvent.getExtension(SEQUENCE) == null) {
            throw new IllegalArgumentException("CloudEvent " + cloudEvent.getId() + " lacks data, time or sequence");
        }
        try {
            // Data in JSON arrives parsed already: bind that tree rather than write it out and parse it again.
            SitrepEvent event = cloudEvent.getData() instanceof JsonCloudEventData data
                    ? json.treeToValue(data.getNode(), eventClass)
                    : json.readValue(cloudEvent.getData().toBytes(), eventClass);
            return new EventEnvelope(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getSource().toString(),
                    cloudEvent.getSubject(), cloudEvent.getTime().toInstant(),
                    Long.parseLong(cloudEvent.getExtension(SEQUENCE).toString()), event);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("CloudEvent " + cloudEvent.getId() + " has unreadable data: "
                    + e.getMessage(), e);
        }
    }
}
