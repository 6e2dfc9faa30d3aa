package io.sitrep.command.relay;

import static org.awaitility.Awaitility.await;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the event topic from its beginning, as a downstream consumer would, with plain Kafka clients. */
final class TopicReader implements AutoCloseable {

    /** One record as it arrived: its key, content-type header and decoded envelope. */
    record Received(String key, String contentType, EventEnvelope envelope) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final List<Received> received = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = await("topic " + topic + " exists").atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList(), found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until what was received so far satisfies {@code done}, for at most {@code timeout}. */
    List<Received> readUntil(Predicate<List<Received>> done, Duration timeout) {
        // In the test's thread: a Kafka consumer is not for several threads.
        await("the expected events").atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        var header = record.headers().lastHeader("content-type");
                        received.add(new Received(record.key(), header == null ? null : new String(header.value()),
                                codec.decode(record.value())));
                    }
                    return done.test(received);
                });
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
