package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CloudEvent of every type, pinned by an approved file in
 * {@code src/test/resources/snapshots/cloudevents}, and the codec's tolerance of payloads written by
 * other versions.
 */
class CloudEventCodecTest {

    private static final ApprovedSnapshots SNAPSHOTS = new ApprovedSnapshots("cloudevents");
    private static final Instant RECORDED = Instant.parse("2024-11-25T16:23:04.512Z");
    private static final ObjectMapper PRETTY = EventJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CloudEventCodec codec = new CloudEventCodec();

    private static EventEnvelope envelopeOf(SitrepEvent event) {
        return CloudEventCodec.envelope(event, "0b6c1ad4-3f7e-4d2a-9a51-5c0f7f3e2b10", RECORDED, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void cloudEventMatchesTheApprovedSnapshot(SitrepEvent event) throws IOException {
        SNAPSHOTS.verify(CloudEventCodec.typeOf(event.getClass()),
                PRETTY.writeValueAsString(PRETTY.readTree(codec.encode(envelopeOf(event)))) + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.sitrep.events.EventSamples#all")
    void approvedSnapshotDecodesToTheSameEnvelope(SitrepEvent event) throws IOException {
        byte[] approved = Files.readAllBytes(SNAPSHOTS.approved(CloudEventCodec.typeOf(event.getClass())));
        assertThat(codec.decode(approved)).isEqualTo(envelopeOf(event));
    }

    @Test
    void theEnvelopeCarriesTheContractsAttributes() throws IOException {
        var opened = (IncidentEvent.IncidentOpened) EventSamples.all().stream()
                .filter(IncidentEvent.IncidentOpened.class::isInstance).findFirst().orElseThrow();
        JsonNode cloudEvent = PRETTY.readTree(codec.encode(envelopeOf(opened)));
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("type").asText()).isEqualTo("io.sitrep.incident.opened.v1");
        assertThat(cloudEvent.get("source").asText()).isEqualTo("/sitrep/pages/olark");
        assertThat(cloudEvent.get("subject").asText()).isEqualTo(opened.incidentId());
        assertThat(cloudEvent.get("time").asText()).isEqualTo("2024-11-25T16:23:04.512Z");
        assertThat(cloudEvent.get("sequence").asText()).as("ten digits: the sequence extension compares strings")
                .isEqualTo("0000000003");
        assertThat(cloudEvent.get("data").get("version").isIntegralNumber()).isTrue();
        assertThat(cloudEvent.get("data").get("version").asLong()).isEqualTo(3);
        assertThat(cloudEvent.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.get("data").get("title").asText()).isEqualTo(opened.title());
        assertThat(CloudEventCodec.keyOf(opened)).isEqualTo("olark");
    }

    @Test
    void everyEventTypeHasACloudEventsType() {
        Stream.of(PageEvent.class, IncidentEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> assertThat(CloudEventCodec.typeOf(type.asSubclass(SitrepEvent.class)))
                        .startsWith("io.sitrep.").endsWith(".v1"));
    }

    @Test
    void aPayloadWithUnknownAttributesAndFieldsStillReads() throws IOException {
        ObjectNode cloudEvent = (ObjectNode) PRETTY.readTree(
                SNAPSHOTS.approved("io.sitrep.incident.update-posted.v1").toFile());
        cloudEvent.put("partitionkey", "olark");
        cloudEvent.putObject("comexamplepolicy").put("retain", "P1Y");
        ((ObjectNode) cloudEvent.get("data")).put("severity", "sev2");
        ((ObjectNode) cloudEvent.get("data")).putObject("responder").put("name", "Ada");

        EventEnvelope envelope = codec.decode(PRETTY.writeValueAsBytes(cloudEvent));
        assertThat(envelope.event()).isInstanceOf(IncidentEvent.UpdatePosted.class);
        assertThat(((IncidentEvent.UpdatePosted) envelope.event()).message()).isEqualTo("We're continuing to investigate.");
    }

    @Test
    void theTraceContextTravelsAsTheDistributedTracingExtension() throws IOException {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        EventEnvelope traced = envelopeOf(EventSamples.all().get(0)).withTraceparent(traceparent);

        byte[] encoded = codec.encode(traced);

        assertThat(PRETTY.readTree(encoded).get("traceparent").asText()).isEqualTo(traceparent);
        assertThat(codec.decode(encoded)).isEqualTo(traced);
        assertThat(PRETTY.readTree(codec.encode(envelopeOf(EventSamples.all().get(0)))).has("traceparent"))
                .as("no attribute outside a trace").isFalse();
    }

    @Test
    void aRecordWrittenBeforeSequencesHadTenDigitsStillReads() throws IOException {
        ObjectNode cloudEvent = (ObjectNode) PRETTY.readTree(
                SNAPSHOTS.approved("io.sitrep.incident.update-posted.v1").toFile());
        long version = codec.decode(PRETTY.writeValueAsBytes(cloudEvent)).sequence();
        cloudEvent.put("sequence", Long.toString(version));
        ((ObjectNode) cloudEvent.get("data")).remove("version");

        EventEnvelope envelope = codec.decode(PRETTY.writeValueAsBytes(cloudEvent));
        assertThat(envelope.sequence()).isEqualTo(version);
        assertThat(envelope.event()).isInstanceOf(IncidentEvent.UpdatePosted.class);
    }

    @Test
    void aPayloadWithAFieldMissingStillReads() throws IOException {
        ObjectNode cloudEvent = (ObjectNode) PRETTY.readTree(
                SNAPSHOTS.approved("io.sitrep.component.defined.v1").toFile());
        ((ObjectNode) cloudEvent.get("data")).remove("group");
        ((ObjectNode) cloudEvent.get("data")).remove("position");

        var defined = (PageEvent.ComponentDefined) codec.decode(PRETTY.writeValueAsBytes(cloudEvent)).event();
        assertThat(defined.componentId()).isEqualTo("chat");
        assertThat(defined.group()).isNull();
        assertThat(defined.position()).isZero();
    }

    @Test
    void aPageDefinedBeforePagesHadHostnamesReadsAsHavingNone() throws IOException {
        ObjectNode cloudEvent = (ObjectNode) PRETTY.readTree(
                SNAPSHOTS.approved("io.sitrep.page.defined.v1").toFile());
        ((ObjectNode) cloudEvent.get("data")).remove("hostname");

        var defined = (PageEvent.PageDefined) codec.decode(PRETTY.writeValueAsBytes(cloudEvent)).event();
        assertThat(defined.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(defined.hostname()).isNull();
    }

    @Test
    void anEventWhoseDataComesBeforeItsTypeReadsTheSame() throws IOException {
        ObjectNode written = (ObjectNode) PRETTY.readTree(SNAPSHOTS.approved("io.sitrep.incident.opened.v1").toFile());
        ObjectNode dataFirst = PRETTY.createObjectNode();
        dataFirst.set("data", written.get("data"));
        written.fields().forEachRemaining(field -> dataFirst.putIfAbsent(field.getKey(), field.getValue()));

        assertThat(codec.decode(PRETTY.writeValueAsBytes(dataFirst)))
                .isEqualTo(codec.decode(PRETTY.writeValueAsBytes(written)));
    }

    @Test
    void somethingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"1","source":"/x","type":"com.example.other.v1","data":{}}"""
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.other.v1");
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"1","source":"/x","type":"io.sitrep.page.defined.v1",
                 "time":"2024-11-25T16:23:04Z","sequence":"1","datacontenttype":"application/json",
                 "data":{"pageId":["not","a","string"]}}""".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unreadable data");
        assertThatThrownBy(() -> codec.decode("""
                {"id":"1","source":"/x","type":"io.sitrep.page.defined.v1","time":"2024-11-25T16:23:04Z",
                 "sequence":"1","data":{"pageId":"olark"}}""".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Not a CloudEvent in structured JSON: specversion 1.0, id, source and type are required");
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"7","source":"/x","type":"io.sitrep.page.defined.v1","sequence":"1",
                 "data":{"pageId":"olark"}}""".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("CloudEvent 7 lacks data, time or sequence");
    }
}
