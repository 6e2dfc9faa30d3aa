package io.sitrep.command.relay;

import io.sitrep.command.Versions;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.SitrepEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: a streaming event processor over the event store that publishes every event to
 * Kafka as a CloudEvent keyed by its page. Records of a batch are sent together and awaited before
 * the batch commits, so the processor's token only passes an event once Kafka acknowledged it
 * ({@code acks=all}, idempotent producer). If Kafka fails, the batch fails, the token stays, and the
 * processor retries the batch with a growing pause: events may then reach the topic twice, never
 * out of order within a page and never not at all.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private static final String PENDING = KafkaRelay.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean topicExists;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final Counter published;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, NewTopic topic, MeterRegistry meters) {
        this.kafka = kafka;
        this.admin = admin;
        this.topic = topic;
        this.published = Counter.builder("sitrep.relay.published").baseUnit("events")
                .description("Events the relay published and Kafka acknowledged").register(meters);
    }

    @EventHandler
    void on(SitrepEvent event, EventMessage<?> message, @SequenceNumber Long sequenceNumber,
            @Timestamp Instant recordedAt) {
        ensureTopic();
        EventEnvelope envelope = CloudEventCodec.envelope(event, message.getIdentifier(), recordedAt,
                Versions.afterSequenceNumber(sequenceNumber));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), CloudEventCodec.keyOf(event),
                codec.encode(envelope));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        pendingSends().add(kafka.send(record));
    }

    /**
     * KafkaAdmin creates the topic at start-up; this makes sure of it again before the first send,
     * so that a broker that was down at start-up gets its topic as soon as it is back. While Kafka
     * is unreachable it fails, and the relay retries.
     */
    private void ensureTopic() {
        if (!topicExists) {
            admin.createOrModifyTopics(topic);
            topicExists = true;
        }
    }

    /** The sends of the current batch, awaited once before the batch's token is stored. */
    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailed("Kafka did not acknowledge " + sends.size() + " events; the batch will be retried",
                    e);
        }
        published.increment(sends.size());
    }

    static final class RelayFailed extends RuntimeException {

        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
