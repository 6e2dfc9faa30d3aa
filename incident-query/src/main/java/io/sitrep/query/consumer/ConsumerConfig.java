package io.sitrep.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The whole error policy of the consumer. A record that cannot be applied (malformed, of an unknown
 * type, or hitting a bug) is retried three times, half a second apart, then published to the
 * dead-letter topic with the reason in its headers ({@code kafka_dlt-exception-message}, -fqcn and
 * -stacktrace, and where it came from), and the partition moves on. A record that is not a Sitrep
 * event at all is not retried.
 */
@Configuration
class ConsumerConfig {

    @Bean
    NewTopic deadLetterTopic(@Value("${sitrep.kafka.dead-letter-topic}") String topic) {
        return TopicBuilder.name(topic).partitions(1).build();
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
        return handler;
    }
}
