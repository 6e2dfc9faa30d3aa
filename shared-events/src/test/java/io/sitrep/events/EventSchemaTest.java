package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas in {@code schemas/} describe the CloudEvents we publish: the approved snapshots and
 * the codec's output validate, and what breaks the contract does not, so the schemas are not vacuous.
 */
class EventSchemaTest {

    private static final Path APPROVED = Path.of("src/test/resources/snapshots");
    private static final ObjectMapper JSON = EventJson.newMapper();
    /** Data fields that records written before them lack: optional in the schemas. */
    private static final Set<String> ADDED_LATER = Set.of("version", "hostname");

    private final CloudEventCodec codec = new CloudEventCodec();

    private static ObjectNode approvedCloudEvent(String type) {
        try {
            return (ObjectNode) JSON.readTree(APPROVED.resolve("cloudevents").resolve(type + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode approvedOpened() {
        return approvedCloudEvent("io.sitrep.incident.opened.v1");
    }

    private static List<String> violations(String type, JsonNode cloudEvent) {
        return EventSchemas.violations(EventSchemas.ofType(type), cloudEvent);
    }

    private static List<String> violationsOfOpened(JsonNode cloudEvent) {
        return violations("io.sitrep.incident.opened.v1", cloudEvent);
    }

    // --- what we publish validates -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSchemas#types")
    void theApprovedCloudEventValidatesAgainstItsTypesSchema(String type) {
        assertThat(violations(type, approvedCloudEvent(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void whatTheCodecEncodesValidatesAgainstItsTypesSchema(SitrepEvent event) throws IOException {
        String type = CloudEventCodec.typeOf(event.getClass());
        EventEnvelope envelope = CloudEventCodec.envelope(event, "6f1c1c9e-55b4-4c55-8a43-9f6d0b8a6f0e",
                Instant.parse("2024-11-25T16:23:04Z"), 12);
        assertThat(violations(type, JSON.readTree(codec.encode(envelope)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void theApprovedEventJsonValidatesAgainstItsTypesDataSchema(SitrepEvent event) throws IOException {
        JsonNode data = JSON.readTree(APPROVED.resolve(event.getClass().getSimpleName() + ".json").toFile());
        assertThat(EventSchemas.violations(EventSchemas.ofData(CloudEventCodec.typeOf(event.getClass())), data))
                .isEmpty();
    }

    @Test
    void theDataSchemaAloneChecksTheEventJson() throws IOException {
        ObjectNode data = (ObjectNode) JSON.readTree(APPROVED.resolve("IncidentOpened.json").toFile());
        data.put("impact", "catastrophic");

        assertThat(EventSchemas.violations(EventSchemas.ofData("io.sitrep.incident.opened.v1"), data))
                .anySatisfy(v -> assertThat(v).startsWith("enum at /impact"));
    }

    @Test
    void fieldsAndAttributesAddedLaterAreTolerated() {
        ObjectNode cloudEvent = approvedCloudEvent("io.sitrep.incident.update-posted.v1");
        cloudEvent.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ((ObjectNode) cloudEvent.get("data")).put("severity", "sev2");
        ((ObjectNode) cloudEvent.get("data")).putObject("responder").put("name", "Ada");

        assertThat(violations("io.sitrep.incident.update-posted.v1", cloudEvent)).isEmpty();
    }

    @Test
    void aPlainUpdateHasANullStatusAndAnUngroupedComponentANullGroup() {
        ObjectNode update = approvedCloudEvent("io.sitrep.incident.update-posted.v1");
        ObjectNode component = approvedCloudEvent("io.sitrep.component.defined.v1");
        ((ObjectNode) component.get("data")).putNull("group");

        assertThat(update.get("data").get("status").isNull()).isTrue();
        assertThat(violations("io.sitrep.incident.update-posted.v1", update)).isEmpty();
        assertThat(violations("io.sitrep.component.defined.v1", component)).isEmpty();
    }

    // --- the schemas cover exactly the codec's types ---------------------------------------------

    @Test
    void thereIsASchemaForEveryTypeTheCodecKnowsAndForNothingElse() {
        Set<String> expected = new TreeSet<>();
        EventSchemas.types().forEach(type -> expected.add(type + ".json"));
        expected.add(EventSchemas.COMMON);

        assertThat(EventSchemas.types()).hasSize(7);
        assertThat(EventSchemas.files()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everySchemaIsDraft202012WithItsIdATitleAndADescription(String file) {
        JsonNode schema = readSchema(file);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventSchemas.ID_PREFIX + file);
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyReferenceInASchemaResolves(String file) {
        JsonNode schema = readSchema(file);
        for (String reference : EventSchemas.references(schema)) {
            int hash = reference.indexOf('#');
            JsonNode target = hash == 0 ? schema : readSchema(reference.substring(0, hash));
            assertThat(target.at(reference.substring(hash + 1)).isMissingNode()).as("%s in %s", reference, file)
                    .isFalse();
        }
    }

    private static JsonNode readSchema(String file) {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(EventSchemas.FOLDER + file)) {
            assertThat(in).as("%s on the classpath", file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> schemaFiles() {
        return EventSchemas.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSchemas#types")
    void aTypesSchemaAcceptsOnlyThatType(String type) {
        for (String other : EventSchemas.types()) {
            if (!other.equals(type)) {
                assertThat(violations(type, approvedCloudEvent(other))).as("%s as %s", other, type).isNotEmpty();
            }
        }
    }

    // --- what breaks the contract fails ----------------------------------------------------------

    @Test
    void aCloudEventWithTheWrongTypeFails() {
        ObjectNode cloudEvent = approvedOpened().put("type", "io.sitrep.incident.resolved.v1");

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("const at /type"));
    }

    @Test
    void anUnknownImpactFails() {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data")).put("impact", "catastrophic");

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("enum at /data/impact"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chat", "-chat", "chat_widget", "chat widget", ""})
    void aComponentsKeyThatBreaksTheIdPatternFails(String componentId) {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data").get("components")).put(componentId, "operational");

        assertThat(violationsOfOpened(cloudEvent)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("/data/components"));
    }

    @Test
    void aComponentIdOfSixtyFiveCharactersFails() {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data").get("components")).put("c".repeat(64), "operational");
        assertThat(violationsOfOpened(cloudEvent)).isEmpty();

        ((ObjectNode) cloudEvent.get("data").get("components")).put("c".repeat(65), "operational");
        assertThat(violationsOfOpened(cloudEvent)).isNotEmpty();
    }

    @Test
    void anUnknownComponentStatusFails() {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data").get("components")).put("chat", "on_fire");

        assertThat(violationsOfOpened(cloudEvent))
                .anySatisfy(v -> assertThat(v).startsWith("enum at /data/components/chat"));
    }

    @ParameterizedTest(name = "{0} without data.{1}")
    @MethodSource("everyDataFieldOfEveryType")
    void everyFieldPresentTodayIsRequired(String type, String field) {
        ObjectNode cloudEvent = approvedCloudEvent(type);
        ((ObjectNode) cloudEvent.get("data")).remove(field);

        assertThat(violations(type, cloudEvent)).anySatisfy(v -> assertThat(v)
                .startsWith("required at /data").contains(field));
    }

    static Stream<Arguments> everyDataFieldOfEveryType() {
        List<Arguments> arguments = new ArrayList<>();
        for (String type : EventSchemas.types()) {
            approvedCloudEvent(type).get("data").fieldNames().forEachRemaining(field -> {
                // The exceptions: records written before data carried these fields are on the topic too.
                if (!ADDED_LATER.contains(field)) {
                    arguments.add(Arguments.of(type, field));
                }
            });
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "subject", "time", "sequence", "datacontenttype",
            "data"})
    void everyEnvelopeAttributeIsRequired(String attribute) {
        ObjectNode cloudEvent = approvedOpened();
        cloudEvent.remove(attribute);

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v)
                .startsWith("required at :").contains(attribute));
    }

    @Test
    void aNullWhereTheContractAllowsNoneFails() {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data")).putNull("title");
        ((ObjectNode) cloudEvent.get("data")).putNull("status");

        assertThat(violationsOfOpened(cloudEvent))
                .anySatisfy(v -> assertThat(v).startsWith("type at /data/title"))
                .anySatisfy(v -> assertThat(v).startsWith("type at /data/status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "03", "0000000000", "00000000003", "-1", "3.0", "three", ""})
    void aSequenceThatIsNotAVersionFromOneFails(String sequence) {
        ObjectNode cloudEvent = approvedOpened().put("sequence", sequence);

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("pattern at /sequence"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000003", "1234567890", "3"})
    void aSequenceInTenDigitsOrWithoutLeadingZerosAsOlderRecordsHaveItPasses(String sequence) {
        ObjectNode cloudEvent = approvedOpened().put("sequence", sequence);

        assertThat(violationsOfOpened(cloudEvent)).isEmpty();
    }

    @Test
    void aVersionInDataThatIsNotAWholeNumberFromOneFails() {
        ObjectNode cloudEvent = approvedOpened();
        ((ObjectNode) cloudEvent.get("data")).put("version", "3");

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("type at /data/version"));
    }

    @Test
    void aSequenceWrittenAsANumberFails() {
        ObjectNode cloudEvent = approvedOpened().put("sequence", 3);

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("type at /sequence"));
    }

    @Test
    void aTimeOrOccurredAtThatIsNotAnInstantFails() {
        ObjectNode cloudEvent = approvedOpened().put("time", "25/11/2024 16:23");
        ((ObjectNode) cloudEvent.get("data")).put("occurredAt", 1732551780);

        assertThat(violationsOfOpened(cloudEvent))
                .anySatisfy(v -> assertThat(v).startsWith("format at /time"))
                .anySatisfy(v -> assertThat(v).startsWith("type at /data/occurredAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sitrep/pages/Olark", "/sitrep/pages/", "/sitrep/pages/olark/chat", "https://sitrep.io/olark"})
    void aSourceThatIsNotAPageFails(String source) {
        ObjectNode cloudEvent = approvedOpened().put("source", source);

        assertThat(violationsOfOpened(cloudEvent)).anySatisfy(v -> assertThat(v).startsWith("pattern at /source"));
    }

    @Test
    void aNegativePositionOrAnotherSpecVersionFails() {
        ObjectNode cloudEvent = approvedCloudEvent("io.sitrep.component.defined.v1").put("specversion", "0.3");
        ((ObjectNode) cloudEvent.get("data")).put("position", -1);

        assertThat(violations("io.sitrep.component.defined.v1", cloudEvent))
                .anySatisfy(v -> assertThat(v).startsWith("const at /specversion"))
                .anySatisfy(v -> assertThat(v).startsWith("minimum at /data/position"));
    }
}
