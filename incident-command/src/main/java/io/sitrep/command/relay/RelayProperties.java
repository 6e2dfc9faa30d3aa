package io.sitrep.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topic the relay publishes to, created at start-up with this many partitions and replicas.
 * All events of one page share a partition (the key is the page id), so partitions bound how many
 * consumers can share the stream.
 */
@ConfigurationProperties("sitrep.kafka")
public record RelayProperties(String topic, int partitions, short replicationFactor) {
}
