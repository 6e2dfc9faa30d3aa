package io.sitrep.query.rebuild;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** How close to the topic's end the replay comes before the switch-over holds live folding off. */
    private static final long SWITCH_WHEN_BEHIND = 2_000;
    private static final int SWITCH_ATTEMPTS = 20;
    /** At most this many partitions' lanes replay side by side, each on a thread and a connection of its own. */
    private static final int MAX_LANES = 4;
    /** Real time, whatever clock the pages run on: rates and progress are measured with it. */
    private static final Clock CLOCK = Clock.systemUTC();

    private final Projection projection;
    private final SingleConnectionDataSource shadow;
    private final String schema;
    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Supplier<SingleConnectionDataSource> connections;
    private final Context context;
    private final BooleanSupplier stopping;

    /** What every rebuild shares: the live read models' database, their states, the caches. */
    record Context(JdbcClient jdbc, TransactionTemplate transactions, ProjectionStates states,
                   ReadModelChanges changes) {
    }

    /**
     * @param shadow      a connection whose search path is {@code schema}, holding the projection's
     *                    rebuild lock; closed by the caller
     * @param consumers   new consumers of the topic, outside the consumer group
     * @param connections new connections like {@code shadow}, one per lane
     */
    Rebuild(Projection projection, SingleConnectionDataSource shadow, String schema, String topic,
            Supplier<Consumer<String, byte[]>> consumers, Supplier<SingleConnectionDataSource> connections,
            Context context, BooleanSupplier stopping) {
        this.projection = projection;
        this.shadow = shadow;
        this.schema = schema;
        this.topic = topic;
        this.consumers = consumers;
        this.connections = connections;
        this.context = context;
        this.stopping = stopping;
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
        List<String> setAside = setAsideWhatFillingDoesNotNeed();
        List<ReplayLane> lanes = new ArrayList<>();
        long applied;
        long skipped;
        try (Consumer<String, byte[]> probe = consumers.get()) {
            List<TopicPartition> partitions = probe.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            try {
                addLanes(lanes, partitions);
                replay(lanes, probe, partitions, started);
                if (stopping.getAsBoolean()) {
                    log.info("Rebuild of {} stopped at {} events; the next start begins it again",
                            projection.wireName(), position(lanes));
                    return;
                }
                JdbcClient copy = JdbcClient.create(shadow);
                setAside.forEach(statement -> copy.sql(statement).update());
                for (String table : projection.tables()) {
                    copy.sql("analyze " + table).update();
                }
                switchOver(lanes, probe, partitions);
                applied = lanes.stream().mapToLong(ReplayLane::applied).sum();
                skipped = lanes.stream().mapToLong(ReplayLane::skipped).sum();
            } finally {
                lanes.forEach(ReplayLane::close);
            }
        }
        double seconds = Math.max(0.001, Duration.between(started, CLOCK.instant()).toMillis() / 1000.0);
        log.info("Rebuilt {}: {} events in {} s ({} events/s), {} skipped; the new copy is live", projection.wireName(),
                applied, String.format("%.1f", seconds), Math.round(applied / seconds), skipped);
    }

    /** Shares the partitions out among lanes, at most {@link #MAX_LANES}, each on a consumer and connection of its own. */
    private void addLanes(List<ReplayLane> lanes, List<TopicPartition> partitions) {
        int count = Math.max(1, Math.min(partitions.size(), MAX_LANES));
        for (int lane = 0; lane < count; lane++) {
            int first = lane;
            List<TopicPartition> own = IntStream.range(0, partitions.size())
                    .filter(index -> index % count == first).mapToObj(partitions::get).toList();
            lanes.add(new ReplayLane(projection, own, consumers.get(), connections.get()));
        }
    }

    /** The new copy's schema, with every read model table in it, empty, as the migrations make them. */
    private void createSchema() {
        JdbcClient.create(shadow).sql("drop schema if exists " + schema + " cascade").update();
        Flyway.configure().dataSource(shadow).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
    }

    /**
     * Sets aside what filling the projection's tables does not need, and answers the statements that
     * bring it back: their indexes but the unique ones (which identify rows and settle upserts), their
     * foreign keys, and their write-ahead log (the tables are unlogged while they fill: a crash
     * loses nothing a new rebuild would not make again). Building an index once at the end, checking
     * a foreign key once for all rows and logging each table once costs far less than keeping them
     * up through every insert and update of the replay; and an update that changes no indexed column
     * stays on its page.
     */
    private List<String> setAsideWhatFillingDoesNotNeed() {
        JdbcClient copy = JdbcClient.create(shadow);
        String[] tables = projection.tables().toArray(String[]::new);
        List<String> foreignKeys = new ArrayList<>();
        copy.sql("""
                        select c.conrelid::regclass::text as target, c.conname, pg_get_constraintdef(c.oid) as definition
                        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                        where n.nspname = ? and c.contype = 'f' and c.conrelid::regclass::text = any(?)""")
                .params(schema, tables)
                .query((rs, row) -> List.of(rs.getString("target"), rs.getString("conname"), rs.getString("definition")))
                .list().forEach(key -> {
                    copy.sql("alter table " + key.get(0) + " drop constraint " + key.get(1)).update();
                    foreignKeys.add("alter table " + key.get(0) + " add constraint " + key.get(1) + " " + key.get(2));
                });
        List<String> remake = new ArrayList<>();
        for (String table : tables) {
            copy.sql("alter table " + table + " set unlogged").update();
            remake.add("alter table " + table + " set logged");
        }
        copy.sql("""
                        select indexname, indexdef from pg_indexes
                        where schemaname = ? and tablename = any(?) and indexdef not like 'CREATE UNIQUE INDEX %'""")
                .params(schema, tables)
                .query((rs, row) -> List.of(rs.getString("indexname"), rs.getString("indexdef")))
                .list().forEach(index -> {
                    copy.sql("drop index " + schema + "." + index.get(0)).update();
                    remake.add(index.get(1));
                });
        remake.addAll(foreignKeys);
        return remake;
    }

    /**
     * Replays, a thread per lane, until every lane is within its share of {@link #SWITCH_WHEN_BEHIND}
     * events of the topic's end, reporting as it goes.
     */
    private void replay(List<ReplayLane> lanes, Consumer<String, byte[]> probe, List<TopicPartition> partitions,
                        Instant started) {
        AtomicReference<Map<TopicPartition, Long>> end = new AtomicReference<>(probe.endOffsets(partitions));
        AtomicBoolean failed = new AtomicBoolean();
        BooleanSupplier stop = () -> stopping.getAsBoolean() || failed.get();
        ExecutorService threads = Executors.newFixedThreadPool(lanes.size(), runnable -> new Thread(runnable,
                "read-model-rebuild-lane"));
        try {
            List<Future<?>> running = lanes.stream().map(lane -> threads.submit(() -> {
                try {
                    lane.replay(end::get, SWITCH_WHEN_BEHIND / lanes.size(), stop);
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            })).collect(Collectors.toList());
            Instant reported = started;
            Instant logged = started;
            long reportedPosition = 0;
            context.states().progress(projection, 0, sum(end.get()), 0, started);
            while (!running.stream().allMatch(Future::isDone)) {
                Thread.sleep(REPORT_EVERY.toMillis());
                end.set(probe.endOffsets(partitions));
                Instant now = CLOCK.instant();
                long position = position(lanes);
                double rate = (position - reportedPosition) * 1000.0
                        / Math.max(1, Duration.between(reported, now).toMillis());
                context.states().progress(projection, position, sum(end.get()), rate, now);
                reported = now;
                reportedPosition = position;
                if (Duration.between(logged, now).compareTo(LOG_EVERY) >= 0) {
                    logged = now;
                    long left = sum(end.get()) - position;
                    log.info("Rebuilding {}: {} of {} events ({} %), {} events/s, about {} s left", projection.wireName(),
                            String.format("%,d", position), String.format("%,d", sum(end.get())),
                            percent(position, sum(end.get())), Math.round(rate), rate > 0 ? Math.round(left / rate) : "?");
                }
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } catch (ExecutionException laneFailed) {
            throw new IllegalStateException("a lane of the replay failed", laneFailed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Replaces the live copy with the new one, holding live folding off meanwhile. A reader holding
     * a live table for longer than half a second makes an attempt give way (rather than block the
     * pages behind it); the next attempt replays what came meanwhile and tries again.
     */
    private void switchOver(List<ReplayLane> lanes, Consumer<String, byte[]> probe, List<TopicPartition> partitions) {
        String live = context.jdbc().sql("select current_schema()").query(String.class).single();
        for (int attempt = 1; ; attempt++) {
            try {
                context.transactions().executeWithoutResult(status -> {
                    JdbcClient jdbc = context.jdbc();
                    jdbc.sql("set local lock_timeout = '60s'").update();
                    jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(Projector.SWITCH_OVER_LOCK)
                            .query(Integer.class).single();
                    Map<TopicPartition, Long> end = probe.endOffsets(partitions);
                    lanes.forEach(lane -> lane.replay(() -> end, 0, () -> false));
                    jdbc.sql("set local lock_timeout = '500ms'").update();
                    jdbc.sql("lock table " + String.join(", ", projection.tables()) + " in access exclusive mode").update();
                    for (String table : projection.tables()) {
                        jdbc.sql("drop table " + live + "." + table + " cascade").update();
                    }
                    for (String table : projection.tables()) {
                        jdbc.sql("alter table " + schema + "." + table + " set schema " + live).update();
                    }
                    // Gone with the switch: a read model is never live beside a copy left of its rebuild.
                    jdbc.sql("drop schema " + schema + " cascade").update();
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

    private static long position(List<ReplayLane> lanes) {
        return lanes.stream().mapToLong(ReplayLane::position).sum();
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    static int percent(long position, long end) {
        return end == 0 ? 100 : (int) Math.min(100, position * 100 / end);
    }
}
