package io.sitrep.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.support.DatabaseFailures;
import io.sitrep.support.KafkaHealthIndicator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The whole error policy of the consumer. A record that cannot be applied (malformed, of an unknown
 * type, or hitting a bug) is retried three times, half a second apart, then published to the
 * dead-letter topic with the reason in its headers ({@code kafka_dlt-exception-message}, -fqcn and
 * -stacktrace, and where it came from), and the partition moves on; a record that is not a Sitrep
 * event at all is not retried. While the read models' database is unreachable, though, records wait
 * for it, retried every second for as long as it takes.
 */
@Configuration
class ConsumerConfig {

    /** Kafka's part of the health, outside readiness: while Kafka is away, the pages still serve. */
    @Bean("kafka")
    KafkaHealthIndicator kafkaHealth(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    /** The dead-letter topic, created at start-up, with as many replicas as the event topic. */
    @Bean
    NewTopic deadLetterTopic(@Value("${sitrep.kafka.dead-letter-topic}") String topic,
                             @Value("${sitrep.kafka.replication-factor}") short replicationFactor,
                             @Value("${sitrep.kafka.min-insync-replicas}") int minInsyncReplicas) {
        return TopicBuilder.name(topic).partitions(1).replicas(replicationFactor)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas)).build();
    }

    @Bean
    DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
                                     @Value("${sitrep.kafka.dead-letter-topic}") String deadLetterTopic) {
        Counter deadLetters = Counter.builder("sitrep.consumer.dead.letters").baseUnit("records")
                .description("Records the read models could not apply, sent to the dead-letter topic")
                .register(meters);
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(deadLetterTopic, -1));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            publisher.accept(record, failure);
            deadLetters.increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        // While the read models' database is away no record can be applied, and none is at fault:
        // wait for the database, retrying every second, rather than park good records.
        handler.setBackOffFunction((record, failure) -> DatabaseFailures.outOfReach(failure)
                ? new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }
}
