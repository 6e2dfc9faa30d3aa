package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path dataRoot;

    @Test
    void listensOnLoopbackOnlyAndFlushesEveryRecord() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dataRoot.resolve("kafka"), Ports.free());
             Admin admin = admin(kafka)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            List<Node> nodes = new ArrayList<>(admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo("127.0.0.1");
                assertThat(node.port()).isEqualTo(kafka.port());
            });
            Config config = brokerConfig(admin, nodes.get(0));
            assertThat(config.get("log.flush.interval.messages").value()).isEqualTo("1");
            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");

            // Both listeners answer on loopback, and on no other address of this machine.
            for (int port : List.of(kafka.port(), kafka.controllerPort())) {
                connect(InetAddress.getLoopbackAddress(), port);
                for (InetAddress address : nonLoopbackAddresses()) {
                    assertThatThrownBy(() -> connect(address, port))
                            .as("port %d on %s", port, address)
                            .isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameDirectoryAndPort() throws Exception {
        Path directory = dataRoot.resolve("kafka");
        int port = Ports.free();
        String clusterId;
        int controllerPort;
        try (LocalKafka kafka = LocalKafka.startForTest(directory, port);
             Admin admin = admin(kafka)) {
            controllerPort = kafka.controllerPort();
            clusterId = admin.describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            createTopic(admin, "kept");
            produce(kafka, "kept", "page-1", "still here");
            // Through a consumer group, which needs the offsets topic and its replication factor 1.
            assertThat(consumeInGroup(kafka, "kept", "kept-readers").value()).isEqualTo("still here");
        }
        Ports.requireFree(port, "the restarted broker");
        Ports.requireFree(controllerPort, "the restarted controller");

        try (LocalKafka kafka = LocalKafka.startForTest(directory, port);
             Admin admin = admin(kafka)) {
            assertThat(admin.describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(readFromBeginning(kafka, "kept").value()).isEqualTo("still here");
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kept-readers")
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(committed.get(new TopicPartition("kept", 0)).offset()).isEqualTo(1);
        }
    }

    @Test
    void sharedBrokerIsStartedOnce() throws Exception {
        LocalKafka kafka = LocalKafka.shared();

        assertThat(LocalKafka.shared()).isSameAs(kafka);
        try (Admin admin = admin(kafka)) {
            createTopic(admin, "shared-test");
        }
        produce(kafka, "shared-test", "page-1", "hello");
        assertThat(readFromBeginning(kafka, "shared-test").value()).isEqualTo("hello");
    }

    private static Admin admin(LocalKafka kafka) {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static void createTopic(Admin admin, String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Config brokerConfig(Admin admin, Node node) throws Exception {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node.idString());
        return admin.describeConfigs(List.of(broker)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(broker);
    }

    private static void produce(LocalKafka kafka, String topic, String key, String value)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, String> consumeInGroup(LocalKafka kafka, String topic, String group) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", group,
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> record = firstRecord(consumer);
            consumer.commitSync();
            return record;
        }
    }

    /** Without a group: assigned the topic's only partition and rewound. */
    private static ConsumerRecord<String, String> readFromBeginning(LocalKafka kafka, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partition = List.of(new TopicPartition(topic, 0));
            consumer.assign(partition);
            consumer.seekToBeginning(partition);
            return firstRecord(consumer);
        }
    }

    private static ConsumerRecord<String, String> firstRecord(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        await("a record").atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return !received.isEmpty();
                });
        return received.get(0);
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
        }
    }

    /** The machine's other addresses (none on some CI machines, when only the loopback check runs). */
    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
