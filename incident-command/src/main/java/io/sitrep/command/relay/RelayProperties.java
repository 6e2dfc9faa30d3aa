package io.sitrep.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topic the relay publishes to, created at start-up with this many partitions and replicas, and
 * this many replicas that must have a record before it counts as written (the relay sends with
 * acks=all). All events of one page share a partition (the key is the page id), so partitions bound
 * how many consumers can share the stream.
 */
@ConfigurationProperties("sitrep.kafka")
public record RelayProperties(String topic, int partitions, short replicationFactor, int minInsyncReplicas) {
}
