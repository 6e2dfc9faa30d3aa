package io.sitrep.support;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sitrep.events.EventEnvelope;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a trace from the API request that caused an event to each service that handles the event
 * later: the request's context is stored with the event as its {@code traceparent} (W3C trace
 * context), the relay's span starts from it and hands its own context on in the CloudEvent, and a
 * consumer's span starts from that. One trace then shows a command from its request through the
 * event store and the relay to each consumer that applied its event.
 *
 * <p>Without tracing (Micrometer's no-op tracer) there are no contexts: {@link #current()} is null
 * and spans are no-ops, so callers need not ask whether tracing is on.
 */
public final class EventTracing {

    /** The metadata key and CloudEvents attribute of the trace context. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The context of the span current on this thread, as a {@code traceparent}; null outside a span. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span);
    }

    /**
     * Starts the span of publishing an event to a topic ({@link Span.Kind#PRODUCER}) or of
     * processing it from there ({@link Span.Kind#CONSUMER}), named and tagged as OpenTelemetry's
     * conventions for messaging and CloudEvents have it: a child of the span whose context is
     * {@code parent}, or the root of a new trace when {@code parent} is null (an event stored before
     * traces were kept, or published outside one).
     */
    public Span start(Span.Kind kind, String topic, EventEnvelope envelope, String parent) {
        Span.Builder builder = parent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, parent), Map::get);
        return builder.name((kind == Span.Kind.PRODUCER ? "publish " : "process ") + topic).kind(kind)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("cloudevents.event_id", envelope.id())
                .tag("cloudevents.event_type", envelope.type())
                .tag("cloudevents.event_subject", envelope.subject())
                .tag("sitrep.page.id", envelope.event().pageId())
                .start();
    }

    /** A span's context as a {@code traceparent}; null for a no-op span. */
    public String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
