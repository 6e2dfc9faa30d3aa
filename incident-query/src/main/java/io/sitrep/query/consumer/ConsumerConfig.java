package io.sitrep.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
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
        // While the read models' database is away no record can be applied, and none is at fault:
        // wait for the database, retrying every second, rather than park good records.
        handler.setBackOffFunction((record, failure) -> readModelsUnreachable(failure)
                ? new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    /** Failures that mean the database could not be reached, as opposed to a record that cannot apply. */
    static boolean readModelsUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
