package io.sitrep.events;

import java.time.Instant;

/**
 * One event as it travels on the topic: the event and the CloudEvents attributes around it.
 * {@code id} never changes on redelivery; {@code sequence} is the version of the event's aggregate
 * (the incident for incident events, the page for page and component events), counting from 1.
 * {@code traceparent} is the W3C trace context of the span that published the event (the CloudEvents
 * distributed-tracing extension), or null when it was published outside a trace.
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant recordedAt,
                            long sequence, SitrepEvent event, String traceparent) {

    /** This envelope, published in the trace whose context is {@code traceparent}. */
    public EventEnvelope withTraceparent(String traceparent) {
        return new EventEnvelope(id, type, source, subject, recordedAt, sequence, event, traceparent);
    }
}
