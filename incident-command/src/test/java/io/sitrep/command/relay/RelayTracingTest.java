package io.sitrep.command.relay;

import static io.sitrep.command.api.ApiTestSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sitrep.command.api.HttpApi;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command's trace runs from its request through the event store to the relay's publication, and
 * the record on the topic carries the publication's context for consumers to continue from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.api-keys=" + RelayTracingTest.KEY + "=pages:write,incidents:write",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
@AutoConfigureTracing
@Import(RelayTracingTest.Spans.class)
class RelayTracingTest {

    static final String KEY = "tracing-key";

    /** The trace a calling system started: its request to Sitrep carries this context. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // A database of its own: a second relay in this JVM on the same event store would share the
        // first one's token claim (both are this process) and publish every event twice.
        LocalPostgres.shared().addDataSourceProperties("incident_command_tracing", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    RelayProperties relay;

    @Test
    void theRecordOfACommandsEventContinuesTheTraceOfItsRequest() {
        HttpApi api = new HttpApi(port, KEY);
        String pageId = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.put("/api/v1/pages/" + pageId, "{\"name\":\"Traced\",\"timeZone\":\"UTC\"}"), 201);
        String incidentId = expect(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"Chat is slow","impact":"minor","message":"We are investigating."}""",
                "traceparent", CALLER), 201).json().get("incidentId").asString();

        TopicReader.Received opened;
        try (TopicReader reader = new TopicReader(LocalKafka.shared().bootstrapServers(), relay.topic())) {
            opened = reader.readUntil(all -> all.stream().anyMatch(record -> isOpening(record, incidentId)),
                    Duration.ofSeconds(60)).stream().filter(record -> isOpening(record, incidentId)).findFirst().orElseThrow();
        }
        String traceparent = opened.envelope().traceparent();
        assertThat(traceparent).as("the CloudEvent's traceparent").matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");

        SpanData publication = await("the relay's span").atMost(Duration.ofSeconds(30))
                .until(() -> ofTrace(SpanKind.PRODUCER), found -> !found.isEmpty()).get(0);
        assertThat(publication.getSpanId()).as("the record carries the publication's own context")
                .isEqualTo(traceparent.split("-")[2]);
        assertThat(publication.getName()).isEqualTo("publish " + relay.topic());
        assertThat(publication.getAttributes().asMap().entrySet())
                .anySatisfy(attribute -> assertThat(attribute.getValue()).isEqualTo(incidentId))
                .anySatisfy(attribute -> assertThat(attribute.getValue()).isEqualTo(pageId));

        SpanData request = ofTrace(SpanKind.SERVER).get(0);
        assertThat(request.getParentSpanId()).as("the caller's span").isEqualTo(CALLER.split("-")[2]);
        assertThat(within(publication, request)).as("the relay continues from within the request").isTrue();
        assertThat(ofTrace(SpanKind.INTERNAL)).as("the append to the event store, within the request")
                .anySatisfy(append -> {
                    assertThat(append.getName()).isEqualTo("append events");
                    assertThat(within(append, request)).isTrue();
                });
    }

    /** Whether {@code span} is a descendant of {@code ancestor}. */
    private boolean within(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId = spans.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        for (SpanData parent = byId.get(span.getParentSpanId()); parent != null; parent = byId.get(parent.getParentSpanId())) {
            if (parent.getSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpening(TopicReader.Received record, String incidentId) {
        return record.envelope().subject().equals(incidentId) && record.envelope().sequence() == 1;
    }

    private List<SpanData> ofTrace(SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(TRACE_ID) && span.getKind() == kind).toList();
    }
}
