package io.sitrep.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The event topic as incident-command creates it on a cluster: kept forever, three replicas, two in sync. */
class RelayTopicTest {

    @Test
    void theEventTopicKeepsEveryRecordOnAsManyReplicasAsConfigured() {
        NewTopic topic = new RelayConfig().incidentEventsTopic(
                new RelayProperties("sitrep.incident-events", 6, (short) 3, 2));

        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).contains(entry("retention.ms", "-1"), entry("min.insync.replicas", "2"));
    }
}
