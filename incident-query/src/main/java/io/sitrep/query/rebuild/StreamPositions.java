package io.sitrep.query.rebuild;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** How far the consumer group that folds the live read models has come in the event topic, from Kafka. */
@Component
class StreamPositions implements DisposableBean {

    private static final int TIMEOUT_MS = 2000;

    /** Events the group has applied (its committed offsets, summed over the partitions) and the topic holds. */
    record Position(long applied, long end) {
    }

    private final Admin admin;
    private final String topic;
    private final String group;

    StreamPositions(KafkaAdmin kafkaAdmin, @Value("${sitrep.kafka.topic}") String topic,
                    @Value("${sitrep.kafka.group}") String group) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.topic = topic;
        this.group = group;
    }

    /** The group's position, read from Kafka within two seconds. */
    Position group() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group,
                        new ListConsumerGroupOffsetsOptions().timeoutMs(TIMEOUT_MS))
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        long end = admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(TIMEOUT_MS)).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        long applied = committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
        return new Position(applied, end);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
