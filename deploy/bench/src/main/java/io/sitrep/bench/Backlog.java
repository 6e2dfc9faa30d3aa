package io.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events stored but not yet in the read models: those the relay has not published (its
 * {@code sitrep_relay_lag_events} gauge) plus those on the topic past incident-query's committed
 * offsets, which it commits only after the read models did. Zero means everything written is
 * readable.
 */
final class Backlog implements AutoCloseable {

    static final String TOPIC = "sitrep.incident-events";
    static final String GROUP = "sitrep-incident-query";
    private static final String RELAY_LAG = "sitrep_relay_lag_events";
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private final URI command;
    private final Admin admin;

    Backlog(URI command, String bootstrapServers) {
        this.command = command;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Waits until nothing written is left to apply, showing how much is left as progress; false if
     * {@code timeout} passes first.
     */
    boolean awaitEmpty(String phase, Duration timeout) {
        AtomicLong left = new AtomicLong(-1);
        AtomicLong peak = new AtomicLong();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Progress ignored = Progress.start(phase, "events applied", () -> peak.get() - Math.max(0, left.get()),
                () -> left.get() < 0 ? "backlog not readable yet" : String.format("%,d events left", left.get()))) {
            while (System.nanoTime() - deadline < 0) {
                long now = System.nanoTime();
                OptionalLong events = events();
                if (events.isPresent()) {
                    left.set(events.getAsLong());
                    peak.accumulateAndGet(events.getAsLong(), Math::max);
                    if (events.getAsLong() == 0) {
                        return true;
                    }
                }
                Load.waitUntil(now + POLL_NANOS);
            }
            return false;
        }
    }

    /** The events not yet applied, or empty while either part cannot be read. */
    OptionalLong events() {
        OptionalLong relay = relayLag();
        OptionalLong consumer = consumerLag();
        return relay.isPresent() && consumer.isPresent()
                ? OptionalLong.of(relay.getAsLong() + consumer.getAsLong()) : OptionalLong.empty();
    }

    private OptionalLong relayLag() {
        try (HttpConnection metrics = new HttpConnection(command)) {
            Response response = metrics.send(Request.get("/actuator/prometheus"));
            return response.ok() ? gauge(response.text(), RELAY_LAG) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The value of a gauge in a Prometheus exposition. */
    static OptionalLong gauge(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return OptionalLong.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong consumerLag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(TOPIC)).allTopicNames()
                    .get().get(TOPIC).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                            partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions).all().get();
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                behind += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return OptionalLong.of(behind);
        } catch (ExecutionException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
