package io.sitrep.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the event store's PostgreSQL can commit at most: concurrent single-row inserts of an
 * event-sized row, each its own durable transaction (autocommit), as every accepted command is.
 */
final class JdbcCeiling {

    private static final int PAYLOAD_BYTES = 1024;

    private JdbcCeiling() {
    }

    /** Rows committed per second by {@code threads} connections over {@code duration}. */
    static double appendsPerSecond(String jdbcUrl, String user, String password, int threads, Duration duration) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_append");
            statement.execute("CREATE TABLE bench_append (id bigserial PRIMARY KEY, aggregate_id varchar(255) NOT NULL,"
                    + " payload_type varchar(255) NOT NULL, payload bytea NOT NULL)");
            try {
                return append(jdbcUrl, user, password, threads, duration);
            } finally {
                statement.execute("DROP TABLE bench_append");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The JDBC ceiling failed", e);
        }
    }

    private static double append(String jdbcUrl, String user, String password, int threads, Duration duration) {
        LongAdder rows = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> appenders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            appenders.add(new Thread(() -> {
                byte[] payload = new byte[PAYLOAD_BYTES];
                ThreadLocalRandom.current().nextBytes(payload);
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_append (aggregate_id, payload_type, payload) VALUES (?, ?, ?)")) {
                    while (System.nanoTime() - end < 0) {
                        insert.setString(1, "inc_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
                        insert.setString(2, "io.sitrep.events.IncidentEvent$UpdatePosted");
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        rows.increment();
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, e);
                }
            }, "jdbc-ceiling-" + i));
        }
        try (Progress ignored = Progress.start("ceiling: JDBC appends", "rows", rows::sum)) {
            appenders.forEach(Thread::start);
            appenders.forEach(Load::join);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The JDBC ceiling failed", failure.get());
        }
        return rows.sum() * 1e9 / (System.nanoTime() - start);
    }
}
