package io.sitrep.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (zonky's embedded binaries) listening on 127.0.0.1 only.
 *
 * <p>The data directory is kept between runs; the server's output goes to {@link #logFile()}, next
 * to the data directory (initdb refuses a data directory that is not empty, so the log cannot live
 * inside it). Connections use the superuser {@value #USER} with trust authentication, as zonky's
 * initdb sets it up: acceptable because nothing but this machine can reach the socket.
 */
public final class LocalPostgres implements AutoCloseable, Failable {

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

    /** What a standby's copy of its primary leaves out: files of the running server, and directories it refills. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "standby.signal", "recovery.signal");
    private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final Path logFile;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory, Path logFile) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
    }

    /**
     * Starts PostgreSQL, running initdb first if {@code dataDirectory} holds no cluster yet.
     *
     * @param binariesDirectory where zonky unpacks the PostgreSQL binaries (reused when present)
     */
    public static LocalPostgres start(Path dataDirectory, int port, Durability durability, Path binariesDirectory) {
        return start(dataDirectory, port, durability, binariesDirectory, Map.of());
    }

    private static LocalPostgres start(Path dataDirectory, int port, Durability durability, Path binariesDirectory,
                                       Map<String, String> settings) {
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        String onWhenDurable = durability == Durability.DURABLE ? "on" : "off";
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
                    .setServerConfig("full_page_writes", onWhenDurable);
            settings.forEach(builder::setServerConfig);
            return new LocalPostgres(builder.start(), dataDirectory, logFile);
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

    /**
     * Starts a hot standby of {@code primary}, named {@code name}, which streams the primary's
     * write-ahead log from a replication slot of its name. Unless {@code dataDirectory} already
     * holds a standby, it is first seeded with a copy of the primary taken with PostgreSQL's
     * low-level backup functions ({@code pg_backup_start}, {@code pg_backup_stop}): zonky's binaries
     * have no {@code pg_basebackup}. Commits on the primary wait for this standby once the primary
     * names it in {@code synchronous_standby_names} (see {@link #requireSynchronousStandby}).
     */
    public static LocalPostgres startStandby(LocalPostgres primary, String name, Path dataDirectory, int port,
                                             Durability durability, Path binariesDirectory) {
        if (!Files.exists(dataDirectory.resolve("standby.signal"))) {
            primary.copyTo(name, dataDirectory);
        }
        return start(dataDirectory, port, durability, binariesDirectory, Map.of(
                "primary_conninfo", "'host=" + LOOPBACK + " port=" + primary.port() + " user=" + USER
                        + " application_name=" + name + "'",
                "primary_slot_name", name,
                "hot_standby", "on"));
    }

    /**
     * Makes every commit wait until one of these standbys has it too (or, with none, until it is on
     * this server's disk alone): {@code synchronous_standby_names = 'ANY 1 (...)'}, reloaded.
     */
    public void requireSynchronousStandby(String... names) {
        execute("postgres", "alter system set synchronous_standby_names = '"
                + (names.length == 0 ? "" : "ANY 1 (" + String.join(", ", names) + ")") + "'");
        execute("postgres", "select pg_reload_conf()");
    }

    /** Ends this standby's recovery: it becomes a primary, taking writes. */
    public void promote() {
        execute("postgres", "select pg_promote(true, 60)");
    }

    /** Whether this server is a standby still replaying its primary's log. */
    public boolean inRecovery() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
             Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery("select pg_is_in_recovery()")) {
            answer.next();
            return answer.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask PostgreSQL on port " + port() + " whether it is a standby", e);
        }
    }

    /** A base backup of this server for a standby: copied between pg_backup_start and pg_backup_stop. */
    private void copyTo(String standby, Path target) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
             Statement statement = connection.createStatement()) {
            // The slot keeps the log from the backup's start until the standby has streamed it.
            statement.execute("select pg_create_physical_replication_slot('" + standby + "', true) "
                    + "where not exists (select 1 from pg_replication_slots where slot_name = '" + standby + "')");
            statement.execute("select pg_backup_start('sitrep " + standby + "', true)");
            copyDirectory(dataDirectory, target);
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
                String tablespaces = stop.getString("spcmapfile");
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces);
                }
            }
            Files.createFile(target.resolve("standby.signal"));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not copy PostgreSQL on port " + port() + " to " + target
                    + " for standby " + standby, e);
        }
    }

    /** Copies the directory, each directory private to its owner, as PostgreSQL requires of its data. */
    private static void copyDirectory(Path source, Path target) throws IOException {
        createPrivateDirectory(target);
        try (Stream<Path> entries = Files.list(source)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Path copy = target.resolve(name);
                if (NOT_COPIED.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    if (COPIED_EMPTY.contains(name)) {
                        createPrivateDirectory(copy);
                        if (name.equals("pg_wal")) {
                            createPrivateDirectory(copy.resolve("archive_status"));
                        }
                    } else {
                        copyDirectory(entry, copy);
                    }
                } else {
                    try {
                        Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException removedMeanwhile) {
                        // A file the server dropped while we copied: the log replays its removal.
                    }
                }
            }
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " refused: " + sql, e);
        }
    }

    /**
     * Whether the server's postmaster runs (frozen or not). Freezing and killing it (as a machine that
     * stops answering, or as a failover fences an old primary) take its backends with it.
     */
    @Override
    public boolean isRunning() {
        try {
            return Failable.super.isRunning();
        } catch (IllegalStateException noPidFile) {
            return false;
        }
    }

    /** The server's process id (its postmaster's), from the first line of {@code postmaster.pid}. */
    @Override
    public long pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return Long.parseLong(lines.findFirst().orElseThrow().strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " is not running (no " + pidFile + ")", e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are disconnected); the data stays. Nothing to do once killed. */
    @Override
    public void close() {
        if (!isRunning()) {
            return;
        }
        resume(); // a frozen server would never answer pg_ctl
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port(), e);
        }
    }
}
