package io.sitrep.command.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The topic of the event stream. It is created before the relay's first send rather than only when
 * the service starts, so a broker that was down at start-up gets its topic as soon as it is back.
 * It keeps its records forever: it is the whole history the read side and other consumers rebuild
 * their views from.
 */
@Component
class RelayTopic {

    private final NewTopic topic;
    private volatile boolean exists;

    RelayTopic(RelayProperties properties) {
        this.topic = TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    String name() {
        return topic.name();
    }

    /** Creates the topic unless it exists; fails (and the relay retries) while Kafka is unreachable. */
    void ensureExists(KafkaAdmin admin) {
        if (!exists) {
            admin.createOrModifyTopics(topic);
            exists = true;
        }
    }
}
