package io.sitrep.query.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.query.readmodel.Projector;
import io.sitrep.support.DatabaseFailures;
import io.sitrep.support.EventTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the event stream into the read models. One consumer group, so that several instances share
 * the partitions; a page's events are on one partition and so applied in order.
 *
 * <p>Records come in batches (whatever one poll returned) and a batch is applied in one read-model
 * transaction, committed before the batch's offsets are: one commit per batch instead of one per
 * event is what lets the read side keep up with a burst. If the batch fails, its records are
 * applied again one at a time, each in its own transaction, to find the one at fault: those before
 * it stay applied, and the error handler ({@link ConsumerConfig}) retries or parks that one. While
 * the read models' database cannot be reached, no record is at fault: the batch waits for it.
 *
 * <p>Each event is applied in a span of its own, continuing the trace its CloudEvent carries
 * ({@code traceparent}: the relay's publication, within the trace of the request that caused the
 * event). The span lasts until the event's transaction is over, and is failed if it failed.
 */
@Component
class EventListener implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EventListener.class);
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(1);
    private static final String TYPE_PREFIX = "io.sitrep.";
    private static final String TYPE_SUFFIX = ".v1";

    private final CloudEventCodec codec = new CloudEventCodec();
    private final Projector projector;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;
    private final String topic;
    private final Counter unreachable;
    private final Counter skipped;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    EventListener(Projector projector, TransactionTemplate transactions, EventTracing tracing,
                  @Value("${sitrep.kafka.topic}") String topic, MeterRegistry meters) {
        this.projector = projector;
        this.transactions = transactions;
        this.tracing = tracing;
        this.topic = topic;
        this.meters = meters;
        this.skipped = Counter.builder("sitrep.consumer.skipped").baseUnit("events")
                .description("Events the read models had applied already (redelivered or replayed), skipped")
                .register(meters);
        this.unreachable = Counter.builder("sitrep.consumer.database.unreachable").baseUnit("attempts")
                .description("Attempts to apply a batch that found the read models' database out of reach; "
                        + "each is retried a second later")
                .register(meters);
    }

    @KafkaListener(id = "read-models", topics = "${sitrep.kafka.topic}", groupId = "${sitrep.kafka.group}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        while (true) {
            try {
                applyAll(records);
                return;
            } catch (ReadModelsUnreachable unreachable) {
                if (stopping) {
                    // Left to the error handler, which waits for the database too but stops with the container.
                    throw new BatchListenerFailedException("the read models' database cannot be reached",
                            unreachable.getCause(), records.get(0));
                }
                this.unreachable.increment();
                log.warn("Waiting for the read models' database: {}", unreachable.getCause().toString());
                Thread.sleep(DATABASE_RETRY.toMillis());
            }
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent closing) {
        stopping = true;
    }

    /**
     * Applies the records and counts them: {@code sitrep.consumer.events} by event type (the
     * CloudEvents type's name, as {@code incident.update-posted}), and {@code sitrep.consumer.skipped}
     * those the read models had applied already.
     */
    private void applyAll(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes;
        int applied;
        try {
            List<EventEnvelope> batch = records.stream().map(this::decode).toList();
            applied = traced(batch, () -> inTransaction(() -> projector.apply(batch)));
            envelopes = batch;
        } catch (ReadModelsUnreachable unreachable) {
            throw unreachable;
        } catch (RuntimeException batchFailed) {
            List<EventEnvelope> each = new ArrayList<>();
            applied = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    EventEnvelope envelope = decode(record);
                    applied += traced(List.of(envelope), () -> inTransaction(() -> projector.apply(envelope))) ? 1 : 0;
                    each.add(envelope);
                } catch (ReadModelsUnreachable unreachable) {
                    throw unreachable;
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, record);
                }
            }
            envelopes = each;
        }
        for (EventEnvelope envelope : envelopes) {
            Counter.builder("sitrep.consumer.events").baseUnit("events")
                    .description("Events consumed from the topic (applied, or skipped as applied already), by type")
                    .tag("type", typeName(envelope.type())).register(meters).increment();
        }
        skipped.increment(envelopes.size() - applied);
    }

    private static String typeName(String type) {
        return type.startsWith(TYPE_PREFIX) && type.endsWith(TYPE_SUFFIX)
                ? type.substring(TYPE_PREFIX.length(), type.length() - TYPE_SUFFIX.length()) : type;
    }

    /** Does the work in a span per event, each the child of the span its CloudEvent names. */
    private <T> T traced(List<EventEnvelope> envelopes, Supplier<T> work) {
        List<Span> spans = envelopes.stream()
                .map(envelope -> tracing.start(Span.Kind.CONSUMER, topic, envelope, envelope.traceparent())).toList();
        try {
            return work.get();
        } catch (RuntimeException failed) {
            spans.forEach(span -> span.error(failed));
            throw failed;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (RuntimeException failed) {
            throw DatabaseFailures.outOfReach(failed) ? new ReadModelsUnreachable(failed) : failed;
        }
    }

    private EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record.value());
    }

    private static final class ReadModelsUnreachable extends RuntimeException {

        ReadModelsUnreachable(Throwable cause) {
            super(cause);
        }
    }
}
