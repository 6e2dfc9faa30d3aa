package io.sitrep.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kafka.server.KafkaRaftServer;

/**
 * One node of a {@link LocalKafkaCluster} (broker and controller in one) as a process of its own,
 * so that it can be frozen, killed and started again as a machine would be. Runs until it is told
 * to stop (SIGTERM), then shuts down cleanly.
 *
 * <p>Arguments: the log directory, the node's id, the cluster's id, then every node of the quorum
 * as {@code id:port:controllerPort}.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: KafkaNode <log directory> <node id> <cluster id> <id:port:controllerPort>...");
            System.exit(2);
        }
        int id = Integer.parseInt(args[1]);
        List<LocalKafka.Node> quorum = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] parts = args[i].split(":");
            quorum.add(new LocalKafka.Node(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])));
        }
        LocalKafka.Node node = quorum.stream().filter(each -> each.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node " + id + " is not in the quorum"));
        // Every record flushed before it is acknowledged, as the single broker of ./run.sh does.
        KafkaRaftServer server = LocalKafka.startServer(Path.of(args[0]), node, quorum, args[2], true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LocalKafka.shutdown(server), "kafka-node-stop"));
        System.out.println("Kafka node " + id + " serving on 127.0.0.1:" + node.port());
        server.awaitShutdown();
    }
}
