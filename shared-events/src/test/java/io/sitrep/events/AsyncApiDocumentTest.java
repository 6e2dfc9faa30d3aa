package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of the topic, {@code asyncapi.yaml} at the root of the jar: it is AsyncAPI
 * 3.0.0, declares one message per event type, and every reference in it resolves (to the document
 * itself or to a JSON Schema shipped next to it).
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi.yaml";
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    private static final ObjectMapper JSON = EventJson.newMapper();

    private final JsonNode asyncApi = read(DOCUMENT, new YAMLMapper());

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode channel() {
        assertThat(asyncApi.path("channels").size()).as("channels").isEqualTo(1);
        return asyncApi.path("channels").elements().next();
    }

    /** The event type of every message, by the message's key under components/messages. */
    private Map<String, String> messageTypes() {
        Map<String, String> types = new TreeMap<>();
        asyncApi.path("components").path("messages").fields()
                .forEachRemaining(message -> types.put(message.getKey(), message.getValue().path("name").asText()));
        return types;
    }

    @Test
    void isAnAsyncApi300Document() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("info").path("title").asText()).isNotBlank();
        assertThat(asyncApi.path("info").path("version").asText()).isNotBlank();
    }

    @Test
    void declaresOneMessagePerEventType() {
        assertThat(messageTypes().values()).containsExactlyInAnyOrderElementsOf(EventSchemas.types());
        assertThat(messageTypes()).hasSize(EventSchemas.types().size());

        List<String> channelMessages = new ArrayList<>();
        channel().path("messages").fields().forEachRemaining(message -> channelMessages.add(
                message.getValue().path("$ref").asText()));
        assertThat(channelMessages).containsExactlyInAnyOrderElementsOf(
                messageTypes().keySet().stream().map(key -> "#/components/messages/" + key).toList());
    }

    @Test
    void everyMessagesPayloadIsTheJsonSchemaOfItsType() {
        asyncApi.path("components").path("messages").forEach(message -> {
            String type = message.path("name").asText();
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).as(type).isEqualTo(SCHEMA_FORMAT);
            assertThat(payload.path("schema").path("$ref").asText()).as(type)
                    .isEqualTo(EventSchemas.FOLDER + type + ".json");
        });
    }

    @Test
    void consumersReceiveEveryMessageOfTheTopicFromTheLocalBroker() {
        JsonNode server = asyncApi.path("servers").path("local");
        assertThat(server.path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(server.path("protocol").asText()).isEqualTo("kafka");
        assertThat(channel().path("address").asText()).isEqualTo("sitrep.incident-events");

        JsonNode receive = asyncApi.path("operations").path("receiveIncidentEvents");
        assertThat(receive.path("action").asText()).isEqualTo("receive");
        assertThat(receive.path("channel").path("$ref").asText()).isEqualTo("#/channels/incidentEvents");
        List<String> received = new ArrayList<>();
        receive.path("messages").forEach(message -> received.add(message.path("$ref").asText()));
        assertThat(received).containsExactlyInAnyOrderElementsOf(messageTypes().keySet().stream()
                .map(key -> "#/channels/incidentEvents/messages/" + key).toList());
    }

    @Test
    void everyMessageIsKeyedByPageIdWithTheCloudEventsContentType() {
        asyncApi.path("components").path("messages").forEach(message -> {
            List<String> traits = new ArrayList<>();
            message.path("traits").forEach(trait -> traits.add(trait.path("$ref").asText()));
            assertThat(traits).as(message.path("name").asText())
                    .containsExactly("#/components/messageTraits/sitrepCloudEvent");
        });
        JsonNode trait = asyncApi.path("components").path("messageTraits").path("sitrepCloudEvent");
        assertThat(trait.path("contentType").asText()).isEqualTo(CloudEventCodec.CONTENT_TYPE);
        assertThat(trait.path("headers").path("properties").path("content-type").path("const").asText())
                .isEqualTo(CloudEventCodec.CONTENT_TYPE);
        JsonNode key = trait.path("bindings").path("kafka").path("key");
        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("pattern").asText()).isEqualTo("^[a-z0-9][a-z0-9-]{0,63}$");
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = EventSchemas.references(asyncApi);
        assertThat(references).hasSizeGreaterThan(EventSchemas.types().size());

        for (String reference : references) {
            int hash = reference.indexOf('#');
            String file = hash < 0 ? reference : reference.substring(0, hash);
            String pointer = hash < 0 ? "" : reference.substring(hash + 1);
            JsonNode target = file.isEmpty() ? asyncApi : read(file, JSON);
            assertThat(pointer.isEmpty() || !target.at(pointer).isMissingNode())
                    .as("%s resolves", reference).isTrue();
        }
    }
}
