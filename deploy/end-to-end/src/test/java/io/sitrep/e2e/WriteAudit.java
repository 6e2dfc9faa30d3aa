package io.sitrep.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each of a run's writes ended up: how often its marker is in the event store, on the topic
 * and in each query instance's read model, and whether each incident's versions are whole (no
 * gap, none twice) in the store and in order on the topic.
 */
final class WriteAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each marker's count in the store, on the topic, and in the read model of each query instance. */
    final Map<String, Integer> inStore;
    final Map<String, Integer> onTopic;
    final Map<URI, Map<String, Integer>> inReadModels;
    /** Incidents whose stored versions are not 1, 2, 3... (a gap, or a version twice). */
    final List<String> storeVersionFaults = new ArrayList<>();
    /** Records that came after a later version of their incident without repeating an earlier one. */
    final List<String> topicOrderFaults = new ArrayList<>();
    /** Records on the topic that repeat one before them (at-least-once delivery). */
    int topicRedeliveries;

    private WriteAudit(Map<String, Integer> inStore, Map<String, Integer> onTopic, Map<URI, Map<String, Integer>> inReadModels) {
        this.inStore = inStore;
        this.onTopic = onTopic;
        this.inReadModels = inReadModels;
    }

    /** Audits the incidents the writes touched, in the store at {@code jdbcUrl}, on the topic, and through each query instance. */
    static WriteAudit of(Collection<String> incidents, String jdbcUrl, String bootstrapServers, String topic,
                         List<URI> queries) throws SQLException {
        Map<String, Integer> inStore = new HashMap<>();
        Map<URI, Map<String, Integer>> inReadModels = new HashMap<>();
        WriteAudit audit = new WriteAudit(inStore, new HashMap<>(), inReadModels);
        audit.readStore(incidents, jdbcUrl);
        audit.readTopic(Set.copyOf(incidents), bootstrapServers, topic);
        for (URI query : queries) {
            Map<String, Integer> shown = new HashMap<>();
            for (String incident : incidents) {
                HttpResponse<String> answer = get(query.resolve("/api/v1/incidents/" + incident));
                if (answer.statusCode() == 200) {
                    JSON.readTree(answer.body()).get("updates")
                            .forEach(update -> shown.merge(update.get("message").asString(), 1, Integer::sum));
                }
            }
            inReadModels.put(query, shown);
        }
        return audit;
    }

    /** What happened to these writes, in numbers, and what went wrong: the report's row. */
    Tally tally(List<SteadyWrites.Write> writes) {
        List<SteadyWrites.Write> acknowledged = writes.stream().filter(SteadyWrites.Write::acknowledged).toList();
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int found = 0;
        for (SteadyWrites.Write write : acknowledged) {
            int stored = inStore.getOrDefault(write.marker(), 0);
            List<Integer> shown = inReadModels.values().stream().map(counts -> counts.getOrDefault(write.marker(), 0)).toList();
            boolean everywhere = stored >= 1 && onTopic.getOrDefault(write.marker(), 0) >= 1 && shown.stream().allMatch(n -> n >= 1);
            if (everywhere) {
                found++;
            } else {
                lost.add(write.marker() + " (store " + stored + ", topic " + onTopic.getOrDefault(write.marker(), 0)
                        + ", read models " + shown + ")");
            }
            if (stored > 1 || shown.stream().anyMatch(n -> n > 1)) {
                duplicated.add(write.marker() + " (store " + stored + ", read models " + shown + ")");
            }
        }
        long appliedUnanswered = writes.stream().filter(write -> !write.acknowledged())
                .filter(write -> inStore.getOrDefault(write.marker(), 0) > 0).count();
        return new Tally(writes.size(), acknowledged.size(), found, lost, duplicated, appliedUnanswered, topicRedeliveries,
                storeVersionFaults, topicOrderFaults);
    }

    /** The report's numbers for one fault, and the markers behind what must be zero. */
    record Tally(int sent, int acknowledged, int found, List<String> lost, List<String> duplicated,
                 long appliedWithoutAnswer, int topicRedeliveries, List<String> storeVersionFaults,
                 List<String> topicOrderFaults) {

        String row() {
            return String.format("sent %d, acknowledged %d, found %d, lost %d, duplicated %d; applied without a 2xx %d;"
                            + " redelivered on the topic %d", sent, acknowledged, found, lost.size(), duplicated.size(),
                    appliedWithoutAnswer, topicRedeliveries);
        }
    }

    private void readStore(Collection<String> incidents, String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement select = connection.prepareStatement("""
                     select aggregate_identifier, sequence_number, convert_from(payload, 'UTF8')
                     from domain_event_entry where aggregate_identifier = any (?)
                     order by aggregate_identifier, sequence_number""")) {
            select.setArray(1, connection.createArrayOf("varchar", incidents.toArray()));
            Map<String, Long> next = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String incident = rows.getString(1);
                    long sequence = rows.getLong(2);
                    long expected = next.getOrDefault(incident, 0L);
                    if (sequence != expected) {
                        storeVersionFaults.add(incident + ": sequence " + sequence + " where " + expected + " was due");
                    }
                    next.put(incident, sequence + 1);
                    JsonNode message = JSON.readTree(rows.getString(3)).get("message");
                    if (message != null && !message.isNull()) {
                        inStore.merge(message.asString(), 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void readTopic(Set<String> incidents, String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event = JSON.readTree(record.value());
                    String incident = event.get("subject").asString();
                    if (!incidents.contains(incident)) {
                        continue;
                    }
                    long version = Long.parseLong(event.get("sequence").asString());
                    long before = latest.getOrDefault(incident, 0L);
                    if (version <= before) {
                        topicRedeliveries++;
                        continue;
                    }
                    if (version != before + 1) {
                        topicOrderFaults.add(incident + ": version " + version + " after " + before);
                    }
                    latest.put(incident, version);
                    JsonNode message = event.get("data").get("message");
                    if (message != null && !message.isNull()) {
                        onTopic.merge(message.asString(), 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** Answers whether every query instance shows every incident at the version last acknowledged, at least. */
    static boolean applied(Map<String, Long> acknowledgedVersions, List<URI> queries) {
        for (URI query : queries) {
            for (Map.Entry<String, Long> incident : acknowledgedVersions.entrySet()) {
                HttpResponse<String> answer = get(query.resolve("/api/v1/incidents/" + incident.getKey()));
                if (answer.statusCode() != 200
                        || JSON.readTree(answer.body()).get("version").asLong() < incident.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
