package io.sitrep.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sitrep.support.KafkaHealthIndicator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The relay's topic, its error policy and its lag. A failure to publish must stop the relay where it is, so
 * that it retries the same events; Axon's default for event handlers would log the failure and
 * move on, which would drop the event from the stream.
 */
@Configuration
class RelayConfig {

    private static final int BATCH_SIZE = 100;
    private static final Duration EVENT_WAIT = Duration.ofMillis(10);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    private static final int PRODUCER_CLOSE_SECONDS = 2;
    /** The global index of the last event the relay published, from its token (-1 before the first). */
    private static final String POSITION = "coalesce((select (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint"
            + " from token_entry where processor_name = '" + KafkaRelay.PROCESSING_GROUP + "' and segment = 0), -1)";

    /** Kafka's part of the health, outside readiness: while Kafka is away, writes still succeed. */
    @Bean("kafka")
    KafkaHealthIndicator kafkaHealth(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    /**
     * At shutdown, the producer gives up on records Kafka has not acknowledged after 2 s, instead of
     * Spring Kafka's 30 s (which would outlast Kubernetes's grace period): they belong to a batch the
     * relay has not committed, so its token has not passed them and the next start publishes them.
     * With Kafka there, nothing is pending by then: the relay awaits every batch it sends.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer quickProducerClose() {
        return factory -> factory.setPhysicalCloseTimeout(PRODUCER_CLOSE_SECONDS);
    }

    /**
     * The event stream's topic, created at start-up. It keeps its records forever: it is the whole
     * history that the read side and other consumers build their views from.
     */
    @Bean
    NewTopic incidentEventsTopic(RelayProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(properties.minInsyncReplicas()))
                .build();
    }

    /**
     * The relay is a tracking processor with one segment, so one instance publishes and per-page
     * order holds, and batches of up to 100 events are sent together and acknowledged before the
     * token moves. It waits on the event store's signal that a commit happened; but after falling
     * far behind (a burst longer than the store's in-memory cache) Axon's store serves it from the
     * database and signals nothing, and it would then see new events only when its wait runs out:
     * hence a short wait, so that the lag stays in milliseconds afterwards too. (Its price: while no
     * event comes, the event store is asked for one every {@code sitrep.relay.fetch-delay}, an indexed
     * look-up; see EventStoreConfig.)
     *
     * <p>Of several instances, the one whose claim on the relay's token is fresh publishes. When it
     * dies, its claim goes stale after the token store's claim timeout (EventStoreConfig), and
     * another instance, trying every second, takes the relay over from the last acknowledged position.
     */
    @Bean
    ConfigurerModule relayProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(BATCH_SIZE)
                                .andEventAvailabilityTimeout(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                                .andTokenClaimInterval(CLAIM_INTERVAL.toMillis(), TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }

    /**
     * {@code sitrep.relay.lag}: events stored but not yet published, and {@code sitrep.relay.lag.age}:
     * how long ago the oldest of them was stored. Counted in the event store past the position in the
     * relay's token, which every instance reads (so every instance reports the same; alert on the
     * highest), and exact even where the global index has gaps.
     */
    @Bean
    MeterBinder relayLag(JdbcClient jdbc) {
        return meters -> {
            Gauge.builder("sitrep.relay.lag", () -> jdbc.sql(
                            "select count(*) from domain_event_entry where global_index > " + POSITION)
                            .query(Long.class).single())
                    .baseUnit("events")
                    .description("Events in the event store that the relay has not yet published to Kafka")
                    .register(meters);
            Gauge.builder("sitrep.relay.lag.age", () -> jdbc.sql("select coalesce(extract(epoch from now()"
                            + " - (select time_stamp::timestamptz from domain_event_entry where global_index > "
                            + POSITION + " order by global_index limit 1)), 0)")
                            .query(Double.class).single())
                    .baseUnit("seconds")
                    .description("How long ago the oldest event the relay has not yet published was stored; 0 when none")
                    .register(meters);
        };
    }
}
