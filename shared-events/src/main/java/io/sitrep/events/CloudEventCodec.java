package io.sitrep.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
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
    private static final String TRACEPARENT = "traceparent";
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
        return format.serialize(toCloudEvent(envelope));
    }

    /** The envelope of a stored event: its id, when it was recorded and its aggregate version. */
    public static EventEnvelope envelope(SitrepEvent event, String id, Instant recordedAt, long sequence) {
        return new EventEnvelope(id, typeOf(event.getClass()), sourceOf(event.pageId()), event.subject(),
                recordedAt, sequence, event, null);
    }

    private CloudEvent toCloudEvent(EventEnvelope envelope) {
        SitrepEvent event = envelope.event();
        try {
            CloudEventBuilder cloudEvent = CloudEventBuilder.v1()
                    .withId(envelope.id())
                    .withSource(URI.create(sourceOf(event.pageId())))
                    .withType(typeOf(event.getClass()))
                    .withSubject(event.subject())
                    .withTime(envelope.recordedAt().atOffset(ZoneOffset.UTC))
                    .withExtension(SEQUENCE, sequence(envelope.sequence()));
            if (envelope.traceparent() != null) {
                cloudEvent.withExtension(TRACEPARENT, envelope.traceparent());
            }
            return cloudEvent.withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data(event, envelope.sequence())))
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
     *
     * <p>One pass over the bytes: {@code data} binds straight to the event's class when the
     * {@code type} attribute comes before it (as Sitrep writes it), and through a tree otherwise.
     * Consumers decode every event of the stream, and a rebuild a whole history, so this is the
     * read side's busiest code.
     */
    public EventEnvelope decode(byte[] value) {
        Map<String, String> attributes = new HashMap<>();
        SitrepEvent event = null;
        JsonNode data = null;
        try (JsonParser parser = json.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notACloudEvent("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals("data")) {
                    Class<? extends SitrepEvent> eventClass = CLASSES.get(attributes.get("type"));
                    if (eventClass != null && token == JsonToken.START_OBJECT) {
                        event = bind(attributes, () -> json.readValue(parser, eventClass));
                    } else {
                        data = json.readTree(parser);
                    }
                } else if (name.equals("data_base64") && token == JsonToken.VALUE_STRING) {
                    data = json.readTree(base64(parser.getText()));
                } else if (token.isScalarValue()) {
                    attributes.put(name, token == JsonToken.VALUE_NULL ? null : parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw notACloudEvent(e.getMessage());
        }
        if (!"1.0".equals(attributes.get("specversion")) || attributes.get("id") == null
                || attributes.get("source") == null || attributes.get("type") == null) {
            throw notACloudEvent("specversion 1.0, id, source and type are required");
        }
        String type = attributes.get("type");
        Class<? extends SitrepEvent> eventClass = CLASSES.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        String id = attributes.get("id");
        if ((event == null && (data == null || data.isNull())) || attributes.get("time") == null
                || attributes.get(SEQUENCE) == null) {
            throw new IllegalArgumentException("CloudEvent " + id + " lacks data, time or sequence");
        }
        if (event == null) {
            JsonNode tree = data;
            event = bind(attributes, () -> json.treeToValue(tree, eventClass));
        }
        try {
            return new EventEnvelope(id, type, attributes.get("source"), attributes.get("subject"),
                    OffsetDateTime.parse(attributes.get("time")).toInstant(), Long.parseLong(attributes.get(SEQUENCE)),
                    event, attributes.get(TRACEPARENT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("CloudEvent " + id + " has an unreadable time or sequence: "
                    + e.getMessage(), e);
        }
    }

    /** What reads the event's fields from {@code data}. */
    private interface Binding {
        SitrepEvent bind() throws IOException;
    }

    private static SitrepEvent bind(Map<String, String> attributes, Binding binding) {
        try {
            return binding.bind();
        } catch (IOException e) {
            throw new UnreadableData("CloudEvent " + attributes.get("id") + " has unreadable data: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(String text) throws IOException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("data_base64 is not base64: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notACloudEvent(String why) {
        return new IllegalArgumentException("Not a CloudEvent in structured JSON: " + why);
    }

    /** A CloudEvent whose {@code data} does not read as its type's fields. */
    private static final class UnreadableData extends IllegalArgumentException {

        UnreadableData(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
