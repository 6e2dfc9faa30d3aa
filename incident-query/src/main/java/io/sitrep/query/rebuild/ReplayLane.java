package io.sitrep.query.rebuild;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.query.readmodel.Projection;
import io.sitrep.query.readmodel.Projector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Some partitions of the topic replayed into the new copy of a read model, on a consumer and a
 * connection of their own, a poll's records per transaction. A page's events are all on one
 * partition, and the rows they fold into are the page's, so lanes replay side by side. Used by one
 * thread at a time.
 */
final class ReplayLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayLane.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Projection projection;
    private final List<TopicPartition> partitions;
    private final Consumer<String, byte[]> consumer;
    private final SingleConnectionDataSource connection;
    private final Projector projector;
    private final TransactionTemplate transactions;
    private final CloudEventCodec codec = new CloudEventCodec();
    /** The next offset to replay in each partition: read by the thread that reports progress. */
    private volatile Map<TopicPartition, Long> positions;
    private long applied;
    private long skipped;

    /**
     * @param connection a connection whose search path is the new copy's schema; closed with the lane
     */
    ReplayLane(Projection projection, List<TopicPartition> partitions, Consumer<String, byte[]> consumer,
               SingleConnectionDataSource connection) {
        this.projection = projection;
        this.partitions = partitions;
        this.consumer = consumer;
        this.connection = connection;
        this.projector = Projector.rebuilding(projection, new JdbcTemplate(connection));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.positions = positionsNow();
    }

    /** The events replayed so far. */
    long position() {
        return positions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The events left before these end offsets. */
    long behind(Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> at = positions;
        return partitions.stream().mapToLong(partition -> Math.max(0, end.get(partition) - at.get(partition))).sum();
    }

    long applied() {
        return applied;
    }

    long skipped() {
        return skipped;
    }

    /** Replays until it is within {@code margin} records of the end offsets it is given, or told to stop. */
    void replay(Supplier<Map<TopicPartition, Long>> end, long margin, BooleanSupplier stop) {
        while (!stop.getAsBoolean() && behind(end.get()) > margin) {
            applyPolled();
        }
    }

    /** Applies one poll's records in one transaction, or one by one if that fails. */
    void applyPolled() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
            List<EventEnvelope> events = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(codec.decode(record.value()));
                } catch (RuntimeException notAnEvent) {
                    skipped++;
                    log.warn("Rebuilding {}: skipped record {}-{}@{}, not a Sitrep event ({})", projection.wireName(),
                            record.topic(), record.partition(), record.offset(), notAnEvent.getMessage());
                }
            }
            apply(events);
        }
        positions = positionsNow();
    }

    private Map<TopicPartition, Long> positionsNow() {
        Map<TopicPartition, Long> now = new HashMap<>();
        partitions.forEach(partition -> now.put(partition, consumer.position(partition)));
        return now;
    }

    private void apply(List<EventEnvelope> events) {
        try {
            transactions.executeWithoutResult(status -> projector.apply(events));
            applied += events.size();
        } catch (RuntimeException batchFailed) {
            // As the consumer does: the events before the one at fault apply, that one is skipped (the
            // consumer parked it on the dead-letter topic), and the rest go on.
            for (EventEnvelope event : events) {
                try {
                    transactions.executeWithoutResult(status -> projector.apply(List.of(event)));
                    applied++;
                } catch (RuntimeException failed) {
                    skipped++;
                    log.warn("Rebuilding {}: skipped event {} ({}), as the consumer would have", projection.wireName(),
                            event.id(), failed.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
        connection.destroy();
    }
}
