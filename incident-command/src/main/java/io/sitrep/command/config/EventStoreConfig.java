package io.sitrep.command.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Tracer;
import io.sitrep.events.EventJson;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's event store on PostgreSQL through JDBC: tables made by Flyway (db/migration) with
 * snake_case names, and every message, event and token serialized as JSON by the one event mapper
 * of shared-events, never by XStream.
 *
 * <p>The storage engine, token store and transaction manager are declared here rather than left to
 * Axon's auto-configuration: Axon 4.13 orders its JDBC and transaction auto-configuration after
 * Spring Boot 3's class names, so under Boot 4 it runs before the DataSource exists and silently
 * falls back to no event store and no transactions.
 */
@Configuration
public class EventStoreConfig {

    public static final int SNAPSHOT_EVERY = 100;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How PostgreSQL says that an event's (aggregate, sequence) is taken: another writer got there
     * first, which Axon then reports as a ConcurrencyException. (Axon's JDBC resolver looks for
     * vendor error codes, which PostgreSQL does not set, and would report a failure of the store.)
     */
    private static final String UNIQUE_VIOLATION = "23505";

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
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connections,
                                          TransactionManager transactions, EventSchema schema,
                                          org.axonframework.config.Configuration axon, MeterRegistry meters,
                                          Tracer tracer) {
        Timer appends = Timer.builder("sitrep.event.store.appends")
                .description("Inserts of a command's events into the event store, before the commit")
                .publishPercentileHistogram().register(meters);
        return new TimedEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(snapshotSerializer())
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema), appends, tracer);
    }

    /**
     * Axon's event store, as its auto-configuration makes it but for how often a tracking processor
     * looks for events appended by another instance: the relay runs in one instance, and learns of
     * this instance's commits at once but of the others' only by asking the database, which Axon
     * does every second unless told otherwise. Asking every {@code sitrep.relay.fetch-delay} keeps
     * a write through any instance on Kafka within the lag target.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${sitrep.relay.fetch-delay}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Snapshots are aggregates' private fields, which the event mapper does not see. */
    private static Serializer snapshotSerializer() {
        ObjectMapper mapper = EventJson.newMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** The incidents kept in memory between commands ({@link AggregateCache}). */
    @Bean
    Cache incidentCache(@Value("${sitrep.command.cached-incidents}") int capacity) {
        return new AggregateCache(capacity);
    }

    @Bean
    SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * The relay's position and its claim. An instance's claim lapses after 5 s without renewal (the
     * relay renews it with every batch and while it waits for events), so the relay moves to another
     * instance within seconds of the one running it dying, rather than after Axon's default 10 s.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema) {
        return new ClaimWaitingTokenStore(JdbcTokenStore.builder().connectionProvider(connections)
                .serializer(serializer).schema(schema).claimTimeout(CLAIM_TIMEOUT));
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
