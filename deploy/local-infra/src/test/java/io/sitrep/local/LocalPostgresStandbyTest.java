package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sitrep.local.LocalPostgres.Durability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary and a synchronous standby streaming its log, as the cluster runs them: the standby
 * holds every commit the primary acknowledged, takes over when promoted, and the old primary
 * comes back as the new one's standby.
 */
class LocalPostgresStandbyTest {

    private static final Duration REPLICATION = Duration.ofSeconds(30);

    @TempDir
    Path dataRoot;

    private final List<LocalPostgres> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(server -> {
            try {
                server.close();
            } catch (RuntimeException alreadyStopped) {
                // the test stopped it itself
            }
        });
    }

    @Test
    void aSynchronousStandbyHoldsEveryCommitAndTakesOverWhenPromoted() throws Exception {
        LocalPostgres primary = track(LocalPostgres.start(dataRoot.resolve("a"), Ports.free(), Durability.DURABLE,
                LocalPostgres.BINARIES));
        primary.createDatabase("ledger");
        execute(primary, "create table entry (n int primary key)");
        LocalPostgres standby = track(LocalPostgres.startStandby(primary, "pg_b", dataRoot.resolve("b"), Ports.free(),
                Durability.DURABLE, LocalPostgres.BINARIES));

        primary.requireSynchronousStandby("pg_a", "pg_b");
        await().atMost(REPLICATION).until(() -> query(primary,
                "select coalesce(max(sync_state), '') from pg_stat_replication where application_name = 'pg_b'"),
                "quorum"::equals);
        execute(primary, "insert into entry values (1)");

        assertThat(standby.inRecovery()).isTrue();
        await().atMost(REPLICATION).until(() -> entries(standby), "1"::equals);
        assertThatThrownBy(() -> execute(standby, "insert into entry values (2)"))
                .hasMessageContaining("read-only transaction");

        // The primary is lost: the standby takes over, and commits wait for no standby until one is back.
        primary.close();
        standby.promote();
        assertThat(standby.inRecovery()).isFalse();
        standby.requireSynchronousStandby();
        execute(standby, "insert into entry values (2)");

        // The old primary comes back as the new primary's standby, copied afresh from it.
        LocalPostgres rebuilt = track(LocalPostgres.startStandby(standby, "pg_a", dataRoot.resolve("a-again"),
                Ports.free(), Durability.DURABLE, LocalPostgres.BINARIES));
        standby.requireSynchronousStandby("pg_a", "pg_b");
        execute(standby, "insert into entry values (3)");
        await().atMost(REPLICATION).until(() -> entries(rebuilt), "1,2,3"::equals);
        assertThat(rebuilt.inRecovery()).isTrue();
    }

    private LocalPostgres track(LocalPostgres server) {
        started.add(server);
        return server;
    }

    private static String entries(LocalPostgres server) throws SQLException {
        return query(server, "select coalesce(string_agg(n::text, ',' order by n), '') from entry");
    }

    private static String query(LocalPostgres server, String sql) throws SQLException {
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(LocalPostgres server, String sql) throws SQLException {
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(LocalPostgres server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("ledger"), server.username(), server.password());
    }
}
