package io.sitrep.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.isEmpty()) {
            assertThat(System.nanoTime()).as("topic %s exists within 60 s", topic).isLessThan(deadline);
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until what was received so far satisfies {@code done}, for at most {@code timeout}. */
    List<Received> readUntil(Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            assertThat(System.nanoTime()).as("the expected events arrive within %s; got %d records", timeout,
                    received.size()).isLessThan(deadline);
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                var header = record.headers().lastHeader("content-type");
                received.add(new Received(record.key(), header == null ? null : new String(header.value()),
                        codec.decode(record.value())));
            }
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
