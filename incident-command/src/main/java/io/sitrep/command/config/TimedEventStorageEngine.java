package io.sitrep.command.config;

import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, with each append (the insert of a command's events, before its
 * transaction commits) timed as {@code sitrep.event.store.appends} and traced as a span of the
 * request's trace: when commands slow down, this tells the event store's part from the rest.
 */
class TimedEventStorageEngine extends JdbcEventStorageEngine {

    private final Timer appends;
    private final Tracer tracer;

    TimedEventStorageEngine(JdbcEventStorageEngine.Builder builder, Timer appends, Tracer tracer) {
        super(builder);
        this.appends = appends;
        this.tracer = tracer;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        Span span = tracer.nextSpan().name("append events").tag("sitrep.events", events.size()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            appends.record(() -> super.appendEvents(events, serializer));
        } catch (RuntimeException failed) {
            span.error(failed);
            throw failed;
        } finally {
            span.end();
        }
    }
}
