package io.sitrep.query.rebuild;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.query.readmodel.Projection;
import io.sitrep.query.readmodel.Projector;
import io.sitrep.query.readmodel.ReadModelChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of one read model: the whole event topic replayed, from its first record, into a new
 * copy of the read model's tables, while the current copy keeps serving and the consumer keeps
 * folding new events into it; then the new copy takes the current one's place in one transaction.
 *
 * <p>The new copy lives in a schema of its own, created by the same migrations as the read models
 * (so its tables, indexes and constraints are theirs), written through a connection whose search
 * path is that schema, with the same {@link Projector} code the consumer runs. The switch-over
 * takes {@link Projector#SWITCH_OVER_LOCK} alone: it waits for the live transactions in flight and
 * holds off new ones, replays what the topic gained meanwhile (everything any live transaction
 * applied is below the end offsets it reads then), and moves the tables. Live transactions then go
 * on into the new tables, where what they redeliver is skipped as already applied.
 */
final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** How close to the topic's end the replay comes before the switch-over holds live folding off. */
    private static final long SWITCH_WHEN_BEHIND = 2_000;
    private static final int SWITCH_ATTEMPTS = 20;
    /** Real time, whatever clock the pages run on: rates and progress are measured with it. */
    private static final Clock CLOCK = Clock.systemUTC();

    private final Projection projection;
    private final SingleConnectionDataSource shadow;
    private final String schema;
    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Context context;
    private final BooleanSupplier stopping;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final Projector projector;
    private final TransactionTemplate shadowTransactions;
    private long applied;
    private long skipped;

    /** What every rebuild shares: the live read models' database, their states, the caches. */
    record Context(JdbcClient jdbc, TransactionTemplate transactions, ProjectionStates states,
                   ReadModelChanges changes) {
    }

    /**
     * @param shadow    a connection whose search path is {@code schema}, holding the projection's
     *                  rebuild lock; closed by the caller
     */
    Rebuild(Projection projection, SingleConnectionDataSource shadow, String schema, Consumer<String, byte[]> consumer,
            String topic, Context context, BooleanSupplier stopping) {
        this.projection = projection;
        this.shadow = shadow;
        this.schema = schema;
        this.consumer = consumer;
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        this.context = context;
        this.stopping = stopping;
        JdbcTemplate jdbc = new JdbcTemplate(shadow);
        this.projector = Projector.rebuilding(projection, jdbc);
        this.shadowTransactions = new TransactionTemplate(new DataSourceTransactionManager(shadow));
    }

    /** The schema a projection's new copy is built in. */
    static String schemaOf(Projection projection) {
        return "rebuild_" + projection.wireName().replace('-', '_');
    }

    /** Connection properties that put a connection's search path on the schema, and spare it waiting for disk. */
    static Properties shadowConnection(String schema) {
        Properties properties = new Properties();
        properties.setProperty("currentSchema", schema);
        properties.setProperty("options", "-c synchronous_commit=off");
        return properties;
    }

    void run() {
        Instant started = CLOCK.instant();
        log.info("Rebuilding {}: replaying the event topic into a new copy in schema {}", projection.wireName(), schema);
        createSchema();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        replay(started);
        if (stopping.getAsBoolean()) {
            log.info("Rebuild of {} stopped at {} events; the next start begins it again", projection.wireName(), position());
            return;
        }
        for (String table : projection.tables()) {
            JdbcClient.create(shadow).sql("analyze " + table).update();
        }
        switchOver();
        context.jdbc().sql("drop schema " + schema + " cascade").update();
        double seconds = Math.max(0.001, Duration.between(started, CLOCK.instant()).toMillis() / 1000.0);
        log.info("Rebuilt {}: {} events in {} s ({} events/s), {} skipped; the new copy is live", projection.wireName(),
                applied, String.format("%.1f", seconds), Math.round(applied / seconds), skipped);
    }

    /** The new copy's schema, with every read model table in it, empty, as the migrations make them. */
    private void createSchema() {
        JdbcClient.create(shadow).sql("drop schema if exists " + schema + " cascade").update();
        Flyway.configure().dataSource(shadow).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
    }

    /** Replays until the copy is within {@link #SWITCH_WHEN_BEHIND} events of the topic's end, reporting as it goes. */
    private void replay(Instant started) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant reported = started;
        Instant logged = started;
        long reportedPosition = 0;
        double rate = 0;
        context.states().progress(projection, 0, sum(end), 0, started);
        while (!stopping.getAsBoolean() && behind(end) > SWITCH_WHEN_BEHIND) {
            applyPolled();
            Instant now = CLOCK.instant();
            if (Duration.between(reported, now).compareTo(REPORT_EVERY) >= 0) {
                end = consumer.endOffsets(partitions);
                long position = position();
                rate = (position - reportedPosition) * 1000.0 / Math.max(1, Duration.between(reported, now).toMillis());
                context.states().progress(projection, position, sum(end), rate, now);
                reported = now;
                reportedPosition = position;
                if (Duration.between(logged, now).compareTo(LOG_EVERY) >= 0) {
                    logged = now;
                    long left = sum(end) - position;
                    log.info("Rebuilding {}: {} of {} events ({} %), {} events/s, about {} s left", projection.wireName(),
                            String.format("%,d", position), String.format("%,d", sum(end)), percent(position, sum(end)),
                            Math.round(rate), rate > 0 ? Math.round(left / rate) : "?");
                }
            }
        }
    }

    /**
     * Replaces the live copy with the new one, holding live folding off meanwhile. A reader holding
     * a live table for longer than half a second makes an attempt give way (rather than block the
     * pages behind it); the next attempt replays what came meanwhile and tries again.
     */
    private void switchOver() {
        String live = context.jdbc().sql("select current_schema()").query(String.class).single();
        for (int attempt = 1; ; attempt++) {
            try {
                context.transactions().executeWithoutResult(status -> {
                    JdbcClient jdbc = context.jdbc();
                    jdbc.sql("set local lock_timeout = '60s'").update();
                    jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(Projector.SWITCH_OVER_LOCK)
                            .query(Integer.class).single();
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    while (behind(end) > 0) {
                        applyPolled();
                    }
                    jdbc.sql("set local lock_timeout = '500ms'").update();
                    jdbc.sql("lock table " + String.join(", ", projection.tables()) + " in access exclusive mode").update();
                    for (String table : projection.tables()) {
                        jdbc.sql("drop table " + live + "." + table + " cascade").update();
                    }
                    for (String table : projection.tables()) {
                        jdbc.sql("alter table " + schema + "." + table + " set schema " + live).update();
                    }
                    context.states().progress(projection, sum(end), sum(end), 0, CLOCK.instant());
                    context.states().live(projection);
                    jdbc.sql("select page_id from page").query(String.class).list().forEach(context.changes()::changed);
                    context.changes().hostnamesChanged();
                });
                return;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == SWITCH_ATTEMPTS) {
                    throw busy;
                }
                log.info("Switching {} over had to wait for readers ({}); trying again", projection.wireName(),
                        busy.getMostSpecificCause().getMessage());
            }
        }
    }

    /** Applies one poll's records to the new copy in one transaction, or one by one if that fails. */
    private void applyPolled() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return;
        }
        List<EventEnvelope> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(codec.decode(record.value()));
            } catch (RuntimeException notAnEvent) {
                skip(record, notAnEvent);
            }
        }
        try {
            shadowTransactions.executeWithoutResult(status -> projector.apply(events));
            applied += events.size();
        } catch (RuntimeException batchFailed) {
            // As the consumer does: the events before the one at fault apply, that one is skipped (the
            // consumer parked it on the dead-letter topic), and the rest go on.
            for (EventEnvelope event : events) {
                try {
                    shadowTransactions.executeWithoutResult(status -> projector.apply(List.of(event)));
                    applied++;
                } catch (RuntimeException failed) {
                    skipped++;
                    log.warn("Rebuilding {}: skipped event {} ({}), as the consumer would have", projection.wireName(),
                            event.id(), failed.getMessage());
                }
            }
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, RuntimeException why) {
        skipped++;
        log.warn("Rebuilding {}: skipped record {}-{}@{}, not a Sitrep event ({})", projection.wireName(), record.topic(),
                record.partition(), record.offset(), why.getMessage());
    }

    private long behind(Map<TopicPartition, Long> end) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, end.get(partition) - consumer.position(partition));
        }
        return behind;
    }

    private long position() {
        return partitions.stream().mapToLong(consumer::position).sum();
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    static int percent(long position, long end) {
        return end == 0 ? 100 : (int) Math.min(100, position * 100 / end);
    }
}
