package io.sitrep.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The dead-letter topic gets the event topic's replicas: on a cluster, a parked record survives a broker too. */
class DeadLetterTopicTest {

    @Test
    void theDeadLetterTopicHasAsManyReplicasAsConfigured() {
        NewTopic topic = new ConsumerConfig().deadLetterTopic("sitrep.incident-events.dead-letters", (short) 3, 2);

        assertThat(topic.numPartitions()).isEqualTo(1);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).contains(entry("min.insync.replicas", "2"));
    }
}
