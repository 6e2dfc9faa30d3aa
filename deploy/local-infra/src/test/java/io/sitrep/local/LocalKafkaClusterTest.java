package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers as processes of their own: a topic with three replicas, two in sync at the least,
 * takes acks=all writes while one node is frozen and while one is dead, and loses none of them.
 */
class LocalKafkaClusterTest {

    private static final String TOPIC = "events";

    @TempDir
    Path data;

    @Test
    void writesAcknowledgedByAllInSyncReplicasSurviveAFrozenNodeAndADeadOne() throws Exception {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(data, List.of(Ports.free(), Ports.free(), Ports.free()))) {
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
            }
            List<String> sent = new ArrayList<>();
            try (KafkaProducer<String, String> producer = producer(cluster)) {
                send(producer, sent, "before");

                cluster.node(2).freeze();
                send(producer, sent, "frozen");
                cluster.node(2).resume();

                cluster.node(3).kill();
                send(producer, sent, "dead");
                cluster.restart(3);
                send(producer, sent, "back");
            }

            assertThat(readAll(cluster)).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    private static void send(KafkaProducer<String, String> producer, List<String> sent, String phase) throws Exception {
        List<Future<RecordMetadata>> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String value = phase + "-" + i;
            acknowledged.add(producer.send(new ProducerRecord<>(TOPIC, "page-" + (i % 7), value)));
            sent.add(value);
        }
        for (Future<RecordMetadata> each : acknowledged) {
            each.get(60, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(LocalKafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(LocalKafkaCluster cluster) {
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < 120 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
            }
        }
        return read;
    }
}
