package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dataRoot;

    @Test
    void durableServerListensOnLoopbackOnlyAndSyncsEveryCommit() throws SQLException {
        try (LocalPostgres postgres = startDurable()) {
            postgres.createDatabase("sitrep_test");
            postgres.createDatabase("sitrep_test");

            assertThat(query(postgres, "sitrep_test", "select 1")).isEqualTo("1");
            assertThat(query(postgres, "sitrep_test", "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(postgres, "sitrep_test", "show unix_socket_directories")).isEmpty();
            assertThat(query(postgres, "sitrep_test", "show fsync")).isEqualTo("on");
            assertThat(query(postgres, "sitrep_test", "show synchronous_commit")).isEqualTo("on");
            assertThat(query(postgres, "sitrep_test", "show full_page_writes")).isEqualTo("on");
            assertThat(postgres.jdbcUrl("sitrep_test"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/sitrep_test");
        }
    }

    @Test
    void dataSurvivesARestart() throws SQLException {
        try (LocalPostgres postgres = startDurable()) {
            postgres.createDatabase("kept");
            execute(postgres, "kept", "create table note (text varchar primary key)");
            execute(postgres, "kept", "insert into note values ('still here')");
        }
        try (LocalPostgres postgres = startDurable()) {
            assertThat(query(postgres, "kept", "select text from note")).isEqualTo("still here");
        }
    }

    @Test
    void sharedServerIsStartedOnceWithFsyncOff() throws SQLException {
        LocalPostgres postgres = LocalPostgres.shared();
        postgres.createDatabase("shared_test");

        assertThat(LocalPostgres.shared()).isSameAs(postgres);
        assertThat(query(postgres, "shared_test", "show fsync")).isEqualTo("off");
        assertThat(query(postgres, "shared_test", "show listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesDatabaseNamesThatWouldNeedQuoting() {
        assertThatThrownBy(() -> LocalPostgres.shared().createDatabase("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private LocalPostgres startDurable() {
        return LocalPostgres.start(dataRoot.resolve("postgres"), Ports.free(), LocalPostgres.Durability.DURABLE,
                LocalPostgres.BINARIES);
    }

    private static String query(LocalPostgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(LocalPostgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(LocalPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
