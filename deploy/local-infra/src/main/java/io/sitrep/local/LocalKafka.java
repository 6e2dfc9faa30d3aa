package io.sitrep.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM
 * from Kafka's own classes, listening on 127.0.0.1 only. Spring's embedded Kafka is not used: it
 * binds to every interface.
 *
 * <p>The log directory is formatted on first use, as {@code kafka-storage.sh format} would, and
 * kept: a later start on the same directory finds its {@code meta.properties} (cluster id
 * included) and carries on with the same topics, records and committed offsets.
 *
 * <p>The controller's quorum is a static one-voter set ({@code controller.quorum.voters}), which
 * lives in the configuration rather than in the formatted log, so the controller listener takes
 * a port that is free at each start and only the broker's port is ever fixed.
 */
public final class LocalKafka implements AutoCloseable {

    private static final SharedTestServer<LocalKafka> SHARED = new SharedTestServer<>("kafka",
            data -> startForTest(data, Ports.free()), LocalKafka::close);

    private static final String LOOPBACK = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    // Written last by the formatter: its presence means the directory is formatted.
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;

    private LocalKafka(KafkaRaftServer server, int port, int controllerPort) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts the broker on {@code port}, formatting {@code logDirectory} first unless it already
     * holds a broker's data. Every appended record is flushed to disk before it is acknowledged,
     * because the command side's relay moves its token once Kafka acknowledged a batch: a record
     * lost in a power cut after that would never be sent again.
     */
    public static LocalKafka start(Path logDirectory, int port) {
        return start(logDirectory, port, true);
    }

    /**
     * The server for this JVM's tests: started on first use on a free port, its data in a
     * temporary directory that a shutdown hook deletes after stopping it. Each test should use
     * topics (and consumer groups) of its own.
     */
    public static LocalKafka shared() {
        return SHARED.get();
    }

    /**
     * A broker of one test's own, for a test that stops Kafka and starts it again: after {@link
     * #close()}, call this again with the same directory and port to restart on the same data.
     * Records are left to the operating system to write back, as a broker does by default: only
     * a crash of the machine could lose them.
     */
    public static LocalKafka startForTest(Path logDirectory, int port) {
        return start(logDirectory, port, false);
    }

    private static LocalKafka start(Path logDirectory, int port, boolean flushEveryRecord) {
        Node node = new Node(NODE_ID, port, Ports.freeOtherThan(List.of(port)));
        KafkaRaftServer server = startServer(logDirectory, node, List.of(node), Uuid.randomUuid().toString(),
                flushEveryRecord);
        return new LocalKafka(server, port, node.controllerPort());
    }

    /** A node of a KRaft quorum: its id, its broker port and its controller port, all on 127.0.0.1. */
    record Node(int id, int port, int controllerPort) {

        String voter() {
            return id + "@" + LOOPBACK + ":" + controllerPort;
        }
    }

    /**
     * Starts a node of {@code quorum} (broker and controller in one) with data in {@code
     * logDirectory}, formatting it for {@code clusterId} first unless it holds a node already
     * (then the id it was formatted with stays); returns once the broker is registered, unfenced and
     * serving. A quorum of one is {@link LocalKafka}; of three, {@link LocalKafkaCluster}.
     */
    static KafkaRaftServer startServer(Path logDirectory, Node node, List<Node> quorum, String clusterId,
                                       boolean flushEveryRecord) {
        Path directory = logDirectory.toAbsolutePath();
        KafkaRaftServer server;
        try {
            formatUnlessFormatted(directory, node.id(), clusterId);
            server = new KafkaRaftServer(KafkaConfig.fromProps(config(directory, node, quorum, flushEveryRecord), false),
                    Time.SYSTEM);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka could not be set up with data in " + directory, e);
        }
        try {
            server.startup(); // returns once the broker is registered, unfenced and serving
        } catch (RuntimeException e) {
            // A failed broker shuts itself down, but the controller started before it still runs.
            IllegalStateException failure = new IllegalStateException(
                    "Kafka did not start on " + LOOPBACK + ":" + node.port() + " with data in " + directory, e);
            try {
                shutdown(server);
            } catch (RuntimeException stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
        return server;
    }

    /** What {@code kafka-storage.sh format} does, for a directory that holds no broker yet. */
    private static void formatUnlessFormatted(Path directory, int nodeId, String clusterId) throws Exception {
        if (Files.exists(directory.resolve(META_PROPERTIES))) {
            return;
        }
        Files.createDirectories(directory);
        new Formatter()
                // It reports each step on standard output; a missing step fails with an exception.
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(directory.toString())
                .addDirectory(directory.toString())
                .run();
    }

    private static Properties config(Path directory, Node node, List<Node> quorum, boolean flushEveryRecord) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(node.id()));
        config.put("controller.quorum.voters", String.join(",", quorum.stream().map(Node::voter).toList()));
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        // Both listeners bind to the loopback address only, and clients are told to come back there.
        config.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + node.port() + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + node.controllerPort());
        config.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + node.port());
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", directory.toString());
        // The services create their topics, with the partitions and settings they need.
        config.put("auto.create.topics.enable", "false");
        // Internal topics get a replica on every node (one broker cannot hold the default three).
        // One partition each: creating the default 50 partitions of the offsets topic would slow
        // the first consumer group down. These counts are fixed once the topics exist in a data
        // directory.
        String replicas = Integer.toString(quorum.size());
        String inSync = Integer.toString(Math.min(2, quorum.size()));
        config.put("offsets.topic.replication.factor", replicas);
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", inSync);
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", inSync);
        config.put("share.coordinator.state.topic.num.partitions", "1");
        if (quorum.size() > 1) {
            // A node that stops answering (frozen, cut off) is fenced within seconds and a follower
            // that stops fetching leaves the in-sync replicas, so that acks=all writes carry on
            // through the others instead of waiting the default 9 and 30 s.
            config.put("broker.session.timeout.ms", "4000");
            config.put("broker.heartbeat.interval.ms", "1000");
            config.put("replica.lag.time.max.ms", "5000");
        }
        // A group's first member starts consuming at once instead of waiting 3 s for others.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (compaction of the offsets topic) allocates this on the heap up front;
        // the default 128 MB is sized for production brokers; 8 MB still dedupes ~300,000 keys a pass.
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        if (flushEveryRecord) {
            config.put("log.flush.interval.messages", "1");
        }
        return config;
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The KRaft controller's port, free when this broker started; clients never need it. */
    int controllerPort() {
        return controllerPort;
    }

    /**
     * Stops the broker and waits until it has: logs are flushed and closed, and both ports are
     * released, so that {@link #startForTest} can start again on the same directory and port.
     */
    @Override
    public void close() {
        shutdown(server);
    }

    static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
