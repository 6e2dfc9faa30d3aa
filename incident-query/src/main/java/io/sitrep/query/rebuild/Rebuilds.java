package io.sitrep.query.rebuild;

import io.sitrep.query.readmodel.Projection;
import io.sitrep.query.readmodel.Projector;
import io.sitrep.query.readmodel.ReadModelChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds read models ({@link Rebuild}), one at a time on a thread of their own, and tells how
 * each read model stands. One instance rebuilds a read model at a time: it holds a session lock
 * for it in the database from the request until the switch-over, and every instance shows the
 * progress it records.
 *
 * <p>At start, a read model this database has no state for, while others have one, is new to it
 * (added by an upgrade): it fills itself from the whole event history, the same way. So does one
 * whose rebuild was cut short by a stop. In a database no read model was built in yet, the consumer
 * builds them all from the first event.
 */
@Component
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** How long a rate of the live consumer group is measured over, at the least, and when a sample is too old. */
    private static final Duration LIVE_RATE_WINDOW = Duration.ofSeconds(5);
    private static final Duration LIVE_RATE_STALE = Duration.ofMinutes(1);
    private static final int MAX_POLL_RECORDS = 5_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** How one read model stands; the figures of a rebuild while it runs. */
    public record Status(String name, String state, Long position, Long lag, Double eventsPerSecond, int progress,
                         Long secondsLeft) {
    }

    /** The read model is being rebuilt already, here or by another instance. */
    public static final class AlreadyRebuilding extends RuntimeException {

        AlreadyRebuilding(Projection projection) {
            super(projection.wireName() + " is being rebuilt already; GET /admin/projections shows how far it has come");
        }
    }

    private final Rebuild.Context context;
    private final DataSourceProperties database;
    private final KafkaProperties kafka;
    private final String topic;
    private final StreamPositions positions;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    private Sample lastSample;
    private Double lastRate;

    private record Sample(long nanos, long applied) {
    }

    Rebuilds(JdbcClient jdbc, TransactionTemplate transactions, ProjectionStates states, ReadModelChanges changes,
             DataSourceProperties database, KafkaProperties kafka,
             @Value("${sitrep.kafka.topic}") String topic, StreamPositions positions) {
        this.context = new Rebuild.Context(jdbc, transactions, states, changes);
        this.database = database;
        this.kafka = kafka;
        this.topic = topic;
        this.positions = positions;
    }

    /** Fills the read models new to this database, and finishes rebuilds a stop cut short. */
    @EventListener(ApplicationReadyEvent.class)
    void fillNewReadModels() {
        Map<String, ProjectionStates.State> states = context.states().all();
        if (states.isEmpty()) {
            context.states().allLive();
            return;
        }
        for (Projection projection : Projection.values()) {
            ProjectionStates.State state = states.get(projection.wireName());
            if (state == null || !state.live()) {
                try {
                    start(projection);
                    log.info("{} {}: filling it from the whole event history", projection.wireName(),
                            state == null ? "is new to this database" : "was being rebuilt when the service stopped");
                } catch (AlreadyRebuilding elsewhere) {
                    log.info("{} is being rebuilt by another instance", projection.wireName());
                }
            }
        }
    }

    /**
     * Starts rebuilding the read model, unless it is being rebuilt already.
     *
     * @throws AlreadyRebuilding when it is, here or elsewhere
     */
    public void start(Projection projection) {
        String schema = Rebuild.schemaOf(projection);
        SingleConnectionDataSource shadow = shadowConnection(schema);
        boolean locked = JdbcClient.create(shadow).sql("select pg_try_advisory_lock(?)")
                .param(Projector.SWITCH_OVER_LOCK + 1 + projection.ordinal()).query(Boolean.class).single();
        if (!locked) {
            shadow.destroy();
            throw new AlreadyRebuilding(projection);
        }
        ProjectionStates.State before = context.states().all().get(projection.wireName());
        boolean wasLive = before != null && before.live();
        context.states().rebuilding(projection);
        executor.execute(() -> {
            try {
                new Rebuild(projection, shadow, schema, topic, () -> new KafkaConsumer<>(replayConsumer()),
                        () -> shadowConnection(schema), context, () -> stopping).run();
            } catch (RuntimeException failed) {
                if (wasLive) {
                    // The current copy is whole: it stays live, and a new request can try again.
                    context.states().live(projection);
                }
                log.error("Rebuilding {} failed; {}", projection.wireName(), wasLive
                        ? "the current copy keeps serving" : "the next start tries again", failed);
            } finally {
                shadow.destroy();
            }
        });
    }

    /** A connection to the read models' database whose search path is the schema of a new copy. */
    private SingleConnectionDataSource shadowConnection(String schema) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(database.determineUrl(),
                database.determineUsername(), database.determinePassword(), true);
        connection.setConnectionProperties(Rebuild.shadowConnection(schema));
        return connection;
    }

    /** How every read model stands: from this database for rebuilds, from Kafka for the live consumer. */
    public List<Status> statuses() {
        Map<String, ProjectionStates.State> states = context.states().all();
        StreamPositions.Position group = livePosition();
        Double liveRate = group == null ? null : liveRate(group);
        List<Status> statuses = new ArrayList<>();
        for (Projection projection : Projection.values()) {
            ProjectionStates.State state = states.get(projection.wireName());
            if (state != null && state.live()) {
                statuses.add(new Status(projection.wireName(), ProjectionStates.LIVE,
                        group == null ? null : group.applied(), group == null ? null : group.end() - group.applied(),
                        liveRate, 100, null));
            } else {
                long position = state == null || state.position() == null ? 0 : state.position();
                long end = state == null || state.end() == null ? 0 : state.end();
                Double rate = state == null ? null : state.eventsPerSecond();
                Long secondsLeft = rate == null || rate <= 0 ? null : Math.round((end - position) / rate);
                statuses.add(new Status(projection.wireName(), ProjectionStates.REBUILDING, position, end - position,
                        rate, state == null || state.end() == null ? 0 : Rebuild.percent(position, end), secondsLeft));
            }
        }
        return statuses;
    }

    private StreamPositions.Position livePosition() {
        try {
            return positions.group();
        } catch (Exception kafkaAway) {
            log.debug("Kafka did not say where the consumer group stands", kafkaAway);
            return null;
        }
    }

    /**
     * Events per second the consumer group applied, measured between samples of its position at
     * least five seconds apart (null until two samples exist, or after a minute without one).
     */
    private synchronized Double liveRate(StreamPositions.Position group) {
        long now = System.nanoTime();
        Sample previous = lastSample;
        if (previous == null || Duration.ofNanos(now - previous.nanos()).compareTo(LIVE_RATE_STALE) > 0) {
            lastSample = new Sample(now, group.applied());
            lastRate = null;
        } else if (Duration.ofNanos(now - previous.nanos()).compareTo(LIVE_RATE_WINDOW) >= 0) {
            lastRate = (group.applied() - previous.applied()) * 1e9 / (now - previous.nanos());
            lastSample = new Sample(now, group.applied());
        }
        return lastRate;
    }

    /** A consumer of the whole topic, outside the consumer group: it commits nothing. */
    private Map<String, Object> replayConsumer() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // Fetches of a few megabytes each: enough to keep a lane busy, little next to the service's memory.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        return properties;
    }

    /** Stops a rebuild where it is (the next start begins it again), and waits a moment for it to let go. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("A rebuild did not stop within {} s", STOP_WAIT.toSeconds());
        }
    }
}
