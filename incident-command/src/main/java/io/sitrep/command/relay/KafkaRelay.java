package io.sitrep.command.relay;

import io.sitrep.command.Versions;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.SitrepEvent;
import io.sitrep.support.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: a streaming event processor over the event store that publishes every event to
 * Kafka as a CloudEvent keyed by its page. A batch's records are sent together and awaited before
 * the batch commits, so the processor's token only passes an event once Kafka acknowledged it
 * ({@code acks=all}, idempotent producer).
 *
 * <p>If Kafka fails to acknowledge them, the batch's records are sent again, all of them and in
 * order, every second until Kafka takes them: events may then reach the topic twice, never out of
 * order within a page and never not at all. The batch waits rather than fails, because Axon's
 * processor doubles its pause after each failed batch, up to a minute: after a long outage the
 * relay would have gone on waiting for up to a minute after Kafka came back. While the batch waits,
 * its transaction keeps the relay's token locked, so no other instance takes the relay over; if
 * this instance dies, the lock goes with it.
 *
 * <p>Each event is published in a span of its own, a child of the request that caused the event
 * (whose context the event store kept in the event's metadata); the CloudEvent carries the span's
 * context as its {@code traceparent}, from which consumers continue the trace. The span lasts until
 * the batch is committed.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING = KafkaRelay.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 60;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean topicExists;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final EventTracing tracing;
    private final Counter published;
    private final Counter retries;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, NewTopic topic, EventTracing tracing,
               MeterRegistry meters) {
        this.kafka = kafka;
        this.admin = admin;
        this.topic = topic;
        this.tracing = tracing;
        this.published = Counter.builder("sitrep.relay.published").baseUnit("events")
                .description("Events the relay published and Kafka acknowledged").register(meters);
        this.retries = Counter.builder("sitrep.relay.retries").baseUnit("batches")
                .description("Batches Kafka did not acknowledge, which the relay sent again").register(meters);
    }

    @EventHandler
    void on(SitrepEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber,
            @Timestamp Instant recordedAt) {
        EventEnvelope envelope = CloudEventCodec.envelope(event, message.getIdentifier(), recordedAt,
                Versions.afterSequenceNumber(sequenceNumber));
        Span span = tracing.start(Span.Kind.PRODUCER, topic.name(), envelope,
                (String) message.getMetaData().get(EventTracing.TRACEPARENT));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), CloudEventCodec.keyOf(event),
                codec.encode(envelope.withTraceparent(tracing.traceparentOf(span))));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        batch().add(new Outgoing(record, span));
    }

    /** A record to publish, and the span of its publication. */
    private record Outgoing(ProducerRecord<String, byte[]> record, Span span) {
    }

    /**
     * The records of the current batch, published once before the batch's token is stored; their
     * spans end with the batch, failed if it was rolled back.
     */
    private List<Outgoing> batch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Outgoing> records = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> publish(records));
            batch.onRollback(unitOfWork -> {
                ExecutionResult result = unitOfWork.getExecutionResult();
                RelayFailed failed = new RelayFailed("the batch was rolled back; its events will be published again",
                        result != null && result.isExceptionResult() ? result.getExceptionResult() : null);
                records.forEach(outgoing -> outgoing.span().error(failed));
            });
            batch.onCleanup(unitOfWork -> records.forEach(outgoing -> outgoing.span().end()));
            return records;
        });
    }

    /** Sends the records and waits until Kafka acknowledged every one, sending them all again while it does not. */
    private void publish(List<Outgoing> records) {
        while (true) {
            try {
                ensureTopic();
                List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
                records.forEach(outgoing -> sends.add(kafka.send(outgoing.record())));
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                published.increment(records.size());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayFailed("interrupted while waiting for Kafka; the batch will be sent again", e);
            } catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
                // Kafka away or failing (the producer's and KafkaAdmin's failures), not a bug of ours
                retries.increment();
                log.warn("Kafka did not acknowledge a batch of {} events ({}); sending it again in {} s",
                        records.size(), e.getMessage(), RETRY_PAUSE.toSeconds());
                pause();
            }
        }
    }

    /**
     * KafkaAdmin creates the topic at start-up; this makes sure of it again before the first send,
     * so that a broker that was down at start-up gets its topic as soon as it is back.
     */
    private void ensureTopic() {
        if (!topicExists) {
            admin.createOrModifyTopics(topic);
            topicExists = true;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting to send a batch again", e);
        }
    }

    static final class RelayFailed extends RuntimeException {

        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
