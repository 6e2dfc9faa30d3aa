package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.sitrep.e2e.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace per command across the running system, as an OpenTelemetry collector receives it from
 * both services: the request to incident-command, the append to the event store, the relay's
 * publication to Kafka, and the span in incident-query that applied the event.
 */
class TracingTest {

    @Test
    void aCommandsTraceEndsWithTheSpanOfTheConsumerThatAppliedItsEvent() {
        RunningSitrep sitrep = RunningSitrep.get();
        String page = "traced-" + System.nanoTime();
        sitrep.write("PUT", "/api/v1/pages/" + page, "{\"name\":\"Traced\",\"timeZone\":\"UTC\"}").expect(201);
        JsonNode opened = sitrep.write("POST", "/api/v1/pages/" + page + "/incidents",
                "{\"title\":\"Traced\",\"impact\":\"minor\",\"message\":\"Looking.\"}").expect(201).json();
        String incident = opened.get("incidentId").asString();
        sitrep.read("/api/v1/incidents/" + incident + "?minVersion=" + opened.get("version").asLong()).expect(200);

        ReceivedSpan publication = await("the relay's span of the incident's opening").atMost(Duration.ofSeconds(30))
                .until(() -> find(sitrep, SpanKind.SPAN_KIND_PRODUCER, incident, null), Optional::isPresent).orElseThrow();
        String trace = publication.traceId();
        ReceivedSpan applied = await("incident-query's span of the same event").atMost(Duration.ofSeconds(30))
                .until(() -> find(sitrep, SpanKind.SPAN_KIND_CONSUMER, incident, trace), Optional::isPresent).orElseThrow();

        assertThat(publication.service()).isEqualTo("incident-command");
        assertThat(applied.service()).isEqualTo("incident-query");
        assertThat(applied.parentSpanId()).as("the consumer continues from the relay's span").isEqualTo(publication.spanId());
        List<ReceivedSpan> trip = sitrep.traces().stream().filter(span -> span.traceId().equals(trace)).toList();
        ReceivedSpan request = trip.stream().filter(span -> span.kind() == SpanKind.SPAN_KIND_SERVER).findFirst()
                .orElseThrow(() -> new AssertionError("no request span in trace " + trace + ": " + trip));
        assertThat(request.service()).isEqualTo("incident-command");
        assertThat(request.attributes()).containsEntry("uri", "/api/v1/pages/{pageId}/incidents");
        assertThat(request.parentSpanId()).as("the request starts the trace").isEmpty();
        assertThat(publication.parentSpanId()).as("the relay continues from the request").isEqualTo(request.spanId());
        assertThat(trip).anySatisfy(append -> {
            assertThat(append.name()).isEqualTo("append events");
            assertThat(append.parentSpanId()).isEqualTo(request.spanId());
        });
    }

    /** The span of the given kind about the incident, in the given trace (any when null). */
    private static Optional<ReceivedSpan> find(RunningSitrep sitrep, SpanKind kind, String incident, String trace) {
        return sitrep.traces().stream()
                .filter(span -> span.kind() == kind && incident.equals(span.attributes().get("cloudevents.event_subject")))
                .filter(span -> trace == null || span.traceId().equals(trace))
                .findFirst();
    }
}
