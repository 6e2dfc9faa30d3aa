package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * Three Kafka nodes (each broker and controller, in KRaft mode) as processes of their own on
 * 127.0.0.1, so that one can be frozen (SIGSTOP: gone from the network without leaving the
 * cluster), resumed, killed and started again on its data, as Olark's event-queue node was. Their
 * internal topics have three replicas, two of them in sync at the least; a node that stops
 * answering is fenced within seconds. Each node's output goes to {@code node-<id>.log} beside its data.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> NODE_JVM_OPTIONS = List.of("-Xms128m", "-Xmx256m", "-XX:+UseSerialGC");

    private final Path directory;
    private final String clusterId;
    private final List<LocalKafka.Node> quorum;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();

    private LocalKafkaCluster(Path directory, String clusterId, List<LocalKafka.Node> quorum) {
        this.directory = directory;
        this.clusterId = clusterId;
        this.quorum = quorum;
    }

    /**
     * Starts a node on each port (ids 1, 2, 3...), with data under {@code directory} (kept: a later
     * start on the same directory carries on with the same topics and records), and returns once
     * every broker is serving.
     */
    public static LocalKafkaCluster start(Path directory, List<Integer> ports) {
        List<LocalKafka.Node> quorum = new ArrayList<>();
        List<Integer> taken = new ArrayList<>(ports);
        for (int i = 0; i < ports.size(); i++) {
            int controllerPort = Ports.freeOtherThan(taken);
            taken.add(controllerPort);
            quorum.add(new LocalKafka.Node(i + 1, ports.get(i), controllerPort));
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(directory.toAbsolutePath(), clusterId(directory), quorum);
        try {
            quorum.forEach(node -> cluster.startNode(node.id()));
            cluster.awaitBrokers(quorum.size());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The cluster's id: the one its data was formatted with, or a new one for new data. */
    private static String clusterId(Path directory) {
        Path file = directory.resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(directory);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the Kafka cluster's id in " + file, e);
        }
    }

    /** Where clients connect: every node, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return String.join(",", quorum.stream().map(node -> LocalSystem.LOOPBACK + ":" + node.port()).toList());
    }

    public List<Integer> nodeIds() {
        return quorum.stream().map(LocalKafka.Node::id).toList();
    }

    /** A node's process, to freeze (as a machine cut off: it neither answers nor leaves the cluster), resume or kill. */
    public Failable node(int id) {
        Process process = process(id);
        return process::pid;
    }

    /** Starts a node that was killed or stopped again, on its data; returns once the cluster has all its brokers. */
    public void restart(int node) {
        if (process(node).isAlive()) {
            throw new IllegalStateException("Kafka node " + node + " is still running");
        }
        startNode(node);
        awaitBrokers(quorum.size());
    }

    /** Waits until this many brokers are registered and serving. */
    public void awaitBrokers(int count) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not answering yet
                }
                quorum.forEach(node -> {
                    if (!process(node.id()).isAlive()) {
                        throw new IllegalStateException("Kafka node " + node.id() + " exited; see " + log(node.id()));
                    }
                });
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka cluster did not have " + count + " brokers within "
                            + START_TIMEOUT.toSeconds() + " s; see " + directory);
                }
                LocalSystem.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** Stops every node (SIGTERM, a clean shutdown; killed if it takes longer than 20 s); the data stays. */
    @Override
    public void close() {
        processes.values().forEach(process -> {
            if (process.isAlive()) {
                // A frozen process handles SIGTERM only once it runs again.
                Signals.send("CONT", process.pid());
                process.destroy();
            }
        });
        processes.values().forEach(process -> {
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void startNode(int id) {
        List<String> arguments = new ArrayList<>(List.of(directory.resolve("node-" + id).toString(),
                Integer.toString(id), clusterId));
        quorum.forEach(node -> arguments.add(node.id() + ":" + node.port() + ":" + node.controllerPort()));
        ProcessBuilder builder = new ProcessBuilder(JavaMain.command(KafkaNode.class, NODE_JVM_OPTIONS, arguments))
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log(id).toFile()));
        try {
            Files.createDirectories(directory);
            processes.put(id, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka node " + id, e);
        }
    }

    private Path log(int id) {
        return directory.resolve("node-" + id + ".log");
    }

    private Process process(int node) {
        Process process = processes.get(node);
        if (process == null) {
            throw new IllegalArgumentException("There is no Kafka node " + node);
        }
        return process;
    }
}
