package io.sitrep.command.config;

import io.sitrep.events.EventJson;
import java.time.Clock;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's event store on PostgreSQL through JDBC: tables made by Flyway (db/migration) with
 * snake_case names, and every message, event and token serialized as JSON by the one event mapper
 * of shared-events, never by XStream.
 */
@Configuration
class EventStoreConfig {

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The clock aggregates read "now" from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
