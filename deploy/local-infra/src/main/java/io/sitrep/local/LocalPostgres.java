package io.sitrep.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's embedded binaries) listening on 127.0.0.1 only.
 *
 * <p>The data directory is kept between runs; the server's output goes to {@link #logFile()}, next
 * to the data directory (initdb refuses a data directory that is not empty, so the log cannot live
 * inside it). Connections use the superuser {@value #USER} with trust authentication, as zonky's
 * initdb sets it up: acceptable because nothing but this machine can reach the socket.
 */
public final class LocalPostgres implements AutoCloseable {

    // The unpacked binaries of the tests' servers outlive the JVM (zonky names them by digest and
    // locks while unpacking), so that later test JVMs skip the seconds it takes to unpack them.
    static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "sitrep-postgres-binaries");
    private static final SharedTestServer<LocalPostgres> SHARED = new SharedTestServer<>("postgres",
            data -> start(data, Ports.free(), Durability.FAST, BINARIES), LocalPostgres::close);

    /** Whether a commit reaches the disk before PostgreSQL acknowledges it. */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on: what a 2xx response promises. */
        DURABLE,
        /** All three off: a crash may lose or corrupt data, which tests can afford. */
        FAST
    }

    private static final String USER = "postgres";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final EmbeddedPostgres server;
    private final Path logFile;

    private LocalPostgres(EmbeddedPostgres server, Path logFile) {
        this.server = server;
        this.logFile = logFile;
    }

    /**
     * Starts PostgreSQL, running initdb first if {@code dataDirectory} holds no cluster yet.
     *
     * @param binariesDirectory where zonky unpacks the PostgreSQL binaries (reused when present)
     */
    public static LocalPostgres start(Path dataDirectory, int port, Durability durability, Path binariesDirectory) {
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        String onWhenDurable = durability == Durability.DURABLE ? "on" : "off";
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setPort(port)
                    // Our callers order the shutdown themselves (services first, then PostgreSQL);
                    // zonky's own hook would race with theirs.
                    .setRegisterShutdownHook(false)
                    // Crash recovery after an unclean stop can take longer than zonky's 10 s.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setServerConfig("listen_addresses", LOOPBACK)
                    // No Unix socket: TCP on loopback is the only way in (and the default socket
                    // directory, /tmp, would be shared with every other user of the machine).
                    .setServerConfig("unix_socket_directories", "''")
                    // zonky passes -F (fsync off) and synchronous_commit=off by default; these come
                    // after -F on the postgres command line, so they win.
                    .setServerConfig("fsync", onWhenDurable)
                    .setServerConfig("synchronous_commit", onWhenDurable)
                    .setServerConfig("full_page_writes", onWhenDurable)
                    .start();
            return new LocalPostgres(server, logFile);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on " + LOOPBACK + ":" + port + " with data in " + dataDirectory
                            + "; see " + logFile, e);
        }
    }

    /**
     * The server for this JVM's tests: started on first use on a free port with {@link
     * Durability#FAST}, its data in a temporary directory that a shutdown hook deletes after
     * stopping it. Each test class should {@link #createDatabase create} its own database.
     */
    public static LocalPostgres shared() {
        return SHARED.get();
    }

    /**
     * A server of one test's own, for a test that stops PostgreSQL and starts it again: call this
     * again with the same directory and port to restart it on the same data. Durability is
     * {@link Durability#FAST}; the binaries are shared with {@link #shared()}.
     */
    public static LocalPostgres startForTest(Path dataDirectory, int port) {
        return start(dataDirectory, port, Durability.FAST, BINARIES);
    }

    /**
     * A durable server of its own (fsync on), for a benchmark: a 2xx promises a durable commit, so
     * that is what a benchmark must pay for. The binaries are shared with {@link #shared()}.
     */
    public static LocalPostgres startDurable(Path dataDirectory, int port) {
        return start(dataDirectory, port, Durability.DURABLE, BINARIES);
    }

    /**
     * Creates the database and hands Spring Boot's {@code spring.datasource.*} properties for it to
     * {@code properties}; made for a Spring Boot test's {@code @DynamicPropertySource} method:
     *
     * <pre>{@code
     * @DynamicPropertySource
     * static void database(DynamicPropertyRegistry registry) {
     *     LocalPostgres.shared().addDataSourceProperties("incident_query_health_test", registry::add);
     * }
     * }</pre>
     *
     * A database of its own per test class keeps the classes independent of each other.
     */
    public void addDataSourceProperties(String database, BiConsumer<String, Supplier<Object>> properties) {
        createDatabase(database);
        String url = jdbcUrl(database);
        properties.accept("spring.datasource.url", () -> url);
        properties.accept("spring.datasource.username", this::username);
        properties.accept("spring.datasource.password", this::password);
    }

    /** Creates the database unless it exists; safe to call concurrently with the same name. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names are lower-case identifiers, not: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + port() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** Empty: the server trusts loopback connections (see the class comment). */
    public String password() {
        return "";
    }

    public int port() {
        return server.getPort();
    }

    /** Where the server writes its log. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected); the data stays. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port(), e);
        }
    }
}
