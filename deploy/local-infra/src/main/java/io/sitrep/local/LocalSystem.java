package io.sitrep.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole system on this machine, as ./run.sh and ./bench.sh run it: PostgreSQL with fsync on (a
 * 2xx promises a durable commit, here as in production), a Kafka broker in this JVM that flushes
 * every record before acknowledging it (for the same reason: the relay never sends an acknowledged
 * batch again), then the services as child JVMs wired to both.
 *
 * <p>{@link #close()} stops the services, then Kafka, then PostgreSQL. It is meant for a shutdown
 * hook: called while {@link #start} is still running, it waits for the piece being started and
 * stops that too, instead of leaving it orphaned.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String API_KEY = "sitrep-local-key";
    public static final String API_KEY_SCOPES = "pages:write,incidents:write,analytics:read,admin";
    public static final String LOOPBACK = "127.0.0.1";
    // Two Spring Boot services starting side by side on a small laptop.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    // Short, because the benchmark times how soon a restarted service is healthy.
    private static final Duration HEALTH_POLL = Duration.ofMillis(100);

    /** A service to run, and the port and database it gets. */
    public record Service(String name, Path jar, String portVariable, int port, String database) {
        public URI baseUrl() {
            return URI.create("http://" + LOOPBACK + ":" + port);
        }
    }

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final LocalPorts ports;
    private final Map<String, String> callerEnvironment;
    private final Service command;
    private final Service query;

    // Held while something starts and while everything stops (see the class comment).
    private final Object lifecycle = new Object();
    // Most recent first: popping stops the services before the infrastructure they use.
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    // Each service's latest process, in start order.
    private final Map<Service, ServiceProcess> processes = new LinkedHashMap<>();
    private volatile boolean stopping;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private Map<String, String> servicesEnvironment;

    /**
     * @param dataDirectory     where PostgreSQL's and Kafka's data go
     * @param callerEnvironment the environment the services inherit; its SITREP_API_KEYS are
     *                          honoured next to {@link #API_KEY}
     */
    public LocalSystem(Checkout checkout, Path dataDirectory, LocalPorts ports, Map<String, String> callerEnvironment) {
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = checkout.binariesDirectory();
        this.ports = ports;
        this.callerEnvironment = callerEnvironment;
        this.command = new Service("incident-command", checkout.commandJar(), LocalPorts.COMMAND_VARIABLE,
                ports.command(), "sitrep_command");
        this.query = new Service("incident-query", checkout.queryJar(), LocalPorts.QUERY_VARIABLE,
                ports.query(), "sitrep_query");
    }

    /**
     * Starts everything and returns once both services report healthy.
     *
     * @param fresh delete the data directory first
     */
    public void start(boolean fresh) {
        // Checked up front so that a leftover process shows as such, not as a failure further on.
        Ports.requireFree(ports.postgres(), "PostgreSQL (" + LocalPorts.POSTGRES_VARIABLE + ")");
        Ports.requireFree(ports.kafka(), "Kafka (" + LocalPorts.KAFKA_VARIABLE + ")");
        services().forEach(service -> Ports.requireFree(service.port(), service.name() + " (" + service.portVariable() + ")"));

        if (fresh) {
            say("Starting empty: deleting " + dataDirectory);
            Directories.deleteRecursively(dataDirectory);
        }
        postgres = startPostgres();
        kafka = startKafka();
        servicesEnvironment = Map.of(
                "SITREP_BIND_ADDRESS", LOOPBACK,
                "SITREP_API_KEYS", apiKeys(),
                "SITREP_DB_USER", postgres.username(),
                "SITREP_DB_PASSWORD", postgres.password(),
                "SITREP_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        services().forEach(this::startService);
        awaitHealthy();
    }

    /**
     * Starts a process of {@code service}, with the same environment each time, to be stopped with
     * the rest; {@link ServiceProcess#close()} stops one before that. Does not wait for it.
     */
    public ServiceProcess startService(Service service) {
        Map<String, String> environment = new HashMap<>(servicesEnvironment);
        environment.put("SITREP_DB_URL", postgres.jdbcUrl(service.database()));
        environment.put(service.portVariable(), Integer.toString(service.port()));
        say("Starting " + service.name() + " from " + service.jar());
        ServiceProcess process = started(() ->
                ServiceProcess.start(service.name(), service.jar(), service.baseUrl(), environment));
        synchronized (processes) {
            processes.put(service, process);
        }
        return process;
    }

    /** Waits until every service's latest process answers {@code GET /actuator/health} with 200. */
    public void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = processes();
        while (true) {
            for (ServiceProcess service : waiting) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited with code " + service.exitCode()
                            + " during start-up (its output is above)");
                }
            }
            waiting.removeIf(ServiceProcess::isHealthy);
            if (waiting.isEmpty()) {
                return;
            }
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.get(0).name() + " did not report healthy at "
                        + waiting.get(0).baseUrl().resolve("/actuator/health") + " within " + START_TIMEOUT.toMinutes() + " minutes");
            }
            sleep(HEALTH_POLL);
        }
    }

    public Service command() {
        return command;
    }

    public Service query() {
        return query;
    }

    public List<Service> services() {
        return List.of(command, query);
    }

    /** Each service's latest process, in start order. */
    public List<ServiceProcess> processes() {
        synchronized (processes) {
            return new ArrayList<>(processes.values());
        }
    }

    public ServiceProcess process(Service service) {
        synchronized (processes) {
            return processes.get(service);
        }
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True once {@link #close()} has been called, from a shutdown hook say. */
    public boolean isStopping() {
        return stopping;
    }

    /** Stops what has started, newest first. Safe to call again, and from a shutdown hook. */
    @Override
    public void close() {
        stopping = true;
        synchronized (lifecycle) {
            if (running.isEmpty()) {
                return;
            }
            say("Stopping");
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("[sitrep] While stopping: " + reasons(e));
                }
            }
            say("Stopped");
        }
    }

    private LocalPostgres startPostgres() {
        Path postgresData = dataDirectory.resolve("postgres");
        say("Starting PostgreSQL on " + LOOPBACK + ":" + ports.postgres() + " (fsync on), data in " + postgresData);
        LocalPostgres started = started(() -> LocalPostgres.start(postgresData, ports.postgres(),
                LocalPostgres.Durability.DURABLE, binariesDirectory));
        services().forEach(service -> started.createDatabase(service.database()));
        return started;
    }

    private LocalKafka startKafka() {
        Path kafkaData = dataDirectory.resolve("kafka");
        say("Starting Kafka on " + LOOPBACK + ":" + ports.kafka() + " (flushing every record), data in " + kafkaData);
        return started(() -> LocalKafka.start(kafkaData, ports.kafka()));
    }

    /** Starts a piece unless we are stopping, and registers it to be stopped. */
    private <T extends AutoCloseable> T started(Supplier<T> start) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            T piece = start.get();
            running.push(piece);
            return piece;
        }
    }

    private String apiKeys() {
        String callerKeys = callerEnvironment.getOrDefault("SITREP_API_KEYS", "");
        String localKey = API_KEY + "=" + API_KEY_SCOPES;
        return callerKeys.isBlank() ? localKey : localKey + ";" + callerKeys;
    }

    private static void say(String message) {
        System.out.println("[sitrep] " + message);
    }

    /** Sleeps; an interruption ends what was waiting, as a failure. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The messages of an exception and its causes: the real reason is often a cause. */
    public static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            reasons.append("\n  caused by: ").append(cause);
        }
        return reasons.toString();
    }
}
