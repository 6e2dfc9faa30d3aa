package io.sitrep.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The local run of the whole system behind ./run.sh: PostgreSQL with fsync on (a 2xx promises a
 * durable commit, here as in production), a Kafka broker in this JVM that flushes every record
 * before acknowledging it (for the same reason: the relay never sends an acknowledged batch
 * again), then the services as child JVMs wired to both. Ctrl-C or SIGTERM stops the services, then Kafka,
 * then PostgreSQL.
 *
 * <p>Each piece of infrastructure is started by its own class and contributes environment
 * variables for the services.
 */
public final class LocalRun implements AutoCloseable {

    private static final String API_KEY = "sitrep-local-key";
    private static final String API_KEY_SCOPES = "pages:write,incidents:write,analytics:read,admin";
    private static final String LOOPBACK = "127.0.0.1";
    // The services' default (SITREP_KAFKA_TOPIC overrides it, for them and for the banner alike).
    private static final String DEFAULT_EVENTS_TOPIC = "sitrep.incident-events";
    // Two Spring Boot services starting side by side on a small laptop.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HEALTH_POLL = Duration.ofMillis(500);

    /** A service to run, and the port and database it gets. */
    private record Service(String name, Path jar, String portVariable, int port, String database) {
        URI baseUrl() {
            return URI.create("http://" + LOOPBACK + ":" + port);
        }
    }

    private final LocalRunOptions options;
    private final Map<String, String> callerEnvironment;

    // Held while something starts and while everything stops, so that a Ctrl-C during start-up
    // waits for the piece being started and then stops it too, instead of leaving it orphaned.
    private final Object lifecycle = new Object();
    // Most recent first: popping stops the services before the infrastructure they use.
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<ServiceProcess> serviceProcesses = new ArrayList<>();
    private volatile boolean stopping;

    LocalRun(LocalRunOptions options, Map<String, String> callerEnvironment) {
        this.options = options;
        this.callerEnvironment = callerEnvironment;
    }

    public static void main(String[] args) {
        LocalRunOptions options;
        try {
            options = LocalRunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalRunOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalRun run = new LocalRun(options, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(run::close, "sitrep-stop"));
        try {
            run.start();
        } catch (RuntimeException e) {
            if (!run.stopping) {
                System.err.println("[sitrep] Start-up failed: " + reasons(e));
                System.exit(1); // the shutdown hook stops whatever did start
            }
            return;
        }
        ServiceProcess exited = run.awaitAnyServiceExit();
        if (!run.stopping) {
            System.err.println("[sitrep] " + exited.name() + " exited with code " + exited.exitCode() + "; stopping");
            System.exit(1);
        }
    }

    void start() {
        List<Service> services = List.of(
                new Service("incident-command", options.commandJar(), "SITREP_COMMAND_PORT",
                        port("SITREP_COMMAND_PORT", 8080), "sitrep_command"),
                new Service("incident-query", options.queryJar(), "SITREP_QUERY_PORT",
                        port("SITREP_QUERY_PORT", 8081), "sitrep_query"));
        int postgresPort = port("SITREP_PG_PORT", 15432);
        int kafkaPort = port("SITREP_KAFKA_PORT", 9092);
        // Checked up front so that a leftover process shows as such, not as a failure further on.
        Ports.requireFree(postgresPort, "PostgreSQL (SITREP_PG_PORT)");
        Ports.requireFree(kafkaPort, "Kafka (SITREP_KAFKA_PORT)");
        services.forEach(service -> Ports.requireFree(service.port(), service.name() + " (" + service.portVariable() + ")"));

        if (options.fresh()) {
            say("--fresh: deleting " + options.dataDirectory());
            Directories.deleteRecursively(options.dataDirectory());
        }

        LocalPostgres postgres = startPostgres(postgresPort, services);
        LocalKafka kafka = startKafka(kafkaPort);
        Map<String, String> environment = new HashMap<>();
        environment.put("SITREP_BIND_ADDRESS", LOOPBACK);
        environment.put("SITREP_API_KEYS", apiKeys());
        environment.put("SITREP_DB_USER", postgres.username());
        environment.put("SITREP_DB_PASSWORD", postgres.password());
        environment.put("SITREP_KAFKA_BOOTSTRAP", kafka.bootstrapServers());

        for (Service service : services) {
            Map<String, String> serviceEnvironment = new HashMap<>(environment);
            serviceEnvironment.put("SITREP_DB_URL", postgres.jdbcUrl(service.database()));
            serviceEnvironment.put(service.portVariable(), Integer.toString(service.port()));
            say("Starting " + service.name() + " from " + service.jar());
            serviceProcesses.add(started(() ->
                    ServiceProcess.start(service.name(), service.jar(), service.baseUrl(), serviceEnvironment)));
        }
        awaitHealthy();
        printBanner(services, postgres, kafka);
    }

    private LocalPostgres startPostgres(int port, List<Service> services) {
        Path dataDirectory = options.dataDirectory().resolve("postgres");
        say("Starting PostgreSQL on " + LOOPBACK + ":" + port + " (fsync on), data in " + dataDirectory);
        LocalPostgres postgres = started(() -> LocalPostgres.start(dataDirectory, port,
                LocalPostgres.Durability.DURABLE, options.stateDirectory().resolve("binaries")));
        services.forEach(service -> postgres.createDatabase(service.database()));
        return postgres;
    }

    private LocalKafka startKafka(int port) {
        Path dataDirectory = options.dataDirectory().resolve("kafka");
        say("Starting Kafka on " + LOOPBACK + ":" + port + " (flushing every record), data in " + dataDirectory);
        return started(() -> LocalKafka.start(dataDirectory, port));
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

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(serviceProcesses);
        while (true) {
            for (ServiceProcess service : serviceProcesses) {
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

    private ServiceProcess awaitAnyServiceExit() {
        CompletableFuture.anyOf(serviceProcesses.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new)).join();
        return serviceProcesses.stream().filter(service -> !service.isAlive()).findFirst().orElseThrow();
    }

    /** Stops what has started, newest first. Runs in the shutdown hook; safe to call again. */
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

    private String apiKeys() {
        String callerKeys = callerEnvironment.getOrDefault("SITREP_API_KEYS", "");
        String localKey = API_KEY + "=" + API_KEY_SCOPES;
        return callerKeys.isBlank() ? localKey : localKey + ";" + callerKeys;
    }

    private int port(String variable, int defaultPort) {
        String value = callerEnvironment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value);
        }
    }

    private void printBanner(List<Service> services, LocalPostgres postgres, LocalKafka kafka) {
        StringBuilder banner = new StringBuilder("\n========================================================================\n");
        banner.append(" Sitrep is running\n\n");
        for (Service service : services) {
            banner.append(String.format(" %-17s %s    Swagger UI: %s%n",
                    service.name(), service.baseUrl(), service.baseUrl().resolve("/swagger-ui.html")));
        }
        banner.append(String.format(" %-17s %s (scopes %s)%n", "API key", API_KEY, API_KEY_SCOPES));
        banner.append(String.format(" %-17s %s (user %s), databases %s%n", "PostgreSQL",
                postgres.jdbcUrl(""), postgres.username(),
                String.join(", ", services.stream().map(Service::database).toList())));
        banner.append(String.format(" %-17s %s, topic %s%n", "Kafka", kafka.bootstrapServers(),
                callerEnvironment.getOrDefault("SITREP_KAFKA_TOPIC", DEFAULT_EVENTS_TOPIC)));
        banner.append(String.format(" %-17s %s (./run.sh --fresh wipes it)%n", "Data", options.dataDirectory()));
        banner.append(String.format(" %-17s %s%n", "PostgreSQL log", postgres.logFile()));
        banner.append("\n Ctrl-C to stop\n");
        banner.append("========================================================================\n");
        System.out.println(banner);
    }

    private static void say(String message) {
        System.out.println("[sitrep] " + message);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The messages of an exception and its causes: the real reason is often a cause. */
    private static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            reasons.append("\n  caused by: ").append(cause);
        }
        return reasons.toString();
    }
}
