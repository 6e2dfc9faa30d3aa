package io.sitrep.command.config;

import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, with each append (the insert of a command's events, before its
 * transaction commits) timed as {@code sitrep.event.store.appends}: when commands slow down, this
 * tells the event store's part from the rest.
 */
class TimedEventStorageEngine extends JdbcEventStorageEngine {

    private final Timer appends;

    TimedEventStorageEngine(JdbcEventStorageEngine.Builder builder, Timer appends) {
        super(builder);
        this.appends = appends;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        appends.record(() -> super.appendEvents(events, serializer));
    }
}
