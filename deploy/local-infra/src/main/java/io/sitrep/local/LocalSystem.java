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
 * <p>As a cluster ({@code ./run.sh --cluster}) it is what production looks like, on one machine:
 * three Kafka nodes as processes of their own (the services' topics with three replicas, two in
 * sync at the least), PostgreSQL as a primary and a synchronous standby on the next port, and two
 * instances of each service, the second on its service's port + 2. Each service reaches both
 * PostgreSQL servers through one multi-host JDBC URL that picks the primary, so a promoted standby
 * takes over without a restart. Every part can be frozen, killed and restarted by its name
 * ({@link #parts()}), as the seed incidents did to theirs. A cluster always starts empty.
 *
 * <p>{@link #close()} stops the services, then Kafka, then PostgreSQL. It is meant for a shutdown
 * hook: called while {@link #start} is still running, it waits for the piece being started and
 * stops that too, instead of leaving it orphaned.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String API_KEY = "sitrep-local-key";
    public static final String API_KEY_SCOPES = "pages:write,incidents:write,analytics:read,admin";
    public static final String LOOPBACK = "127.0.0.1";
    // Two Spring Boot services starting side by side on a small laptop (four, as a cluster).
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    // Short, because the benchmark times how soon a restarted service is healthy.
    private static final Duration HEALTH_POLL = Duration.ofMillis(100);
    private static final int KAFKA_NODES = 3;

    /** A service to run, and the port and database it gets. */
    public record Service(String name, Path jar, String portVariable, int port, String database) {
        public URI baseUrl() {
            return URI.create("http://" + LOOPBACK + ":" + port);
        }
    }

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final LocalPorts ports;
    private final boolean cluster;
    private final Map<String, String> callerEnvironment;
    // Each service's instances: one, or two as a cluster.
    private final List<Service> commands;
    private final List<Service> queries;

    // Held while something starts and while everything stops (see the class comment).
    private final Object lifecycle = new Object();
    // Most recent first: popping stops the services before the infrastructure they use.
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    // Each service's latest process, in start order.
    private final Map<Service, ServiceProcess> processes = new LinkedHashMap<>();
    private volatile boolean stopping;
    // One server, or the cluster's two; each server's latest process.
    private final List<LocalPostgres> postgres = new ArrayList<>();
    private volatile int primary;
    private LocalKafka kafka;
    private LocalKafkaCluster kafkaCluster;
    private Map<String, String> servicesEnvironment;

    /**
     * @param dataDirectory     where PostgreSQL's and Kafka's data go
     * @param cluster           run the cluster (see the class comment) rather than one of each
     * @param callerEnvironment the environment the services inherit; its SITREP_API_KEYS are
     *                          honoured next to {@link #API_KEY}
     */
    public LocalSystem(Checkout checkout, Path dataDirectory, LocalPorts ports, boolean cluster,
                       Map<String, String> callerEnvironment) {
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = checkout.binariesDirectory();
        this.ports = ports;
        this.cluster = cluster;
        this.callerEnvironment = callerEnvironment;
        this.commands = instances("incident-command", checkout.commandJar(), LocalPorts.COMMAND_VARIABLE,
                ports.command(), "sitrep_command");
        this.queries = instances("incident-query", checkout.queryJar(), LocalPorts.QUERY_VARIABLE,
                ports.query(), "sitrep_query");
    }

    private List<Service> instances(String name, Path jar, String portVariable, int port, String database) {
        if (!cluster) {
            return List.of(new Service(name, jar, portVariable, port, database));
        }
        return List.of(new Service(name + "-1", jar, portVariable, port, database),
                new Service(name + "-2", jar, portVariable, port + 2, database));
    }

    /**
     * Starts everything and returns once every service reports healthy.
     *
     * @param fresh delete the data directory first (a cluster always does)
     */
    public void start(boolean fresh) {
        // Checked up front so that a leftover process shows as such, not as a failure further on.
        postgresPorts().forEach(port -> Ports.requireFree(port, "PostgreSQL (" + LocalPorts.POSTGRES_VARIABLE + ")"));
        kafkaPorts().forEach(port -> Ports.requireFree(port, "Kafka (" + LocalPorts.KAFKA_VARIABLE + ")"));
        services().forEach(service -> Ports.requireFree(service.port(), service.name() + " (" + service.portVariable() + ")"));

        if (fresh || cluster) {
            say("Starting empty: deleting " + dataDirectory);
            Directories.deleteRecursively(dataDirectory);
        }
        startPostgres();
        String bootstrapServers = startKafka();
        Map<String, String> environment = new HashMap<>(Map.of(
                "SITREP_BIND_ADDRESS", LOOPBACK,
                "SITREP_API_KEYS", apiKeys(),
                "SITREP_DB_USER", postgres.get(0).username(),
                "SITREP_DB_PASSWORD", postgres.get(0).password(),
                "SITREP_KAFKA_BOOTSTRAP", bootstrapServers));
        if (cluster) {
            environment.put("SITREP_KAFKA_REPLICATION_FACTOR", Integer.toString(KAFKA_NODES));
            environment.put("SITREP_KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(KAFKA_NODES - 1));
        }
        servicesEnvironment = Map.copyOf(environment);
        services().forEach(this::startService);
        awaitHealthy();
    }

    /**
     * Starts a process of {@code service}, with the same environment each time, to be stopped with
     * the rest; {@link ServiceProcess#close()} stops one before that. Does not wait for it.
     */
    public ServiceProcess startService(Service service) {
        Map<String, String> environment = new HashMap<>(servicesEnvironment);
        environment.put("SITREP_DB_URL", jdbcUrl(service.database()));
        environment.put(service.portVariable(), Integer.toString(service.port()));
        say("Starting " + service.name() + " from " + service.jar());
        ServiceProcess process = started(() ->
                ServiceProcess.start(service.name(), service.jar(), service.baseUrl(), environment));
        synchronized (processes) {
            processes.put(service, process);
        }
        return process;
    }

    /**
     * The services' JDBC URL for a database: as a cluster, both servers, of which the driver takes
     * the primary (rechecking every 2 s which one that is, so a promotion shows soon).
     */
    public String jdbcUrl(String database) {
        if (!cluster) {
            return postgres.get(0).jdbcUrl(database);
        }
        return "jdbc:postgresql://" + String.join(",", postgresPorts().stream().map(port -> LOOPBACK + ":" + port).toList())
                + "/" + database + "?targetServerType=primary&hostRecheckSeconds=2";
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

    public boolean isCluster() {
        return cluster;
    }

    /** The (first) incident-command instance. */
    public Service command() {
        return commands.get(0);
    }

    /** The (first) incident-query instance. */
    public Service query() {
        return queries.get(0);
    }

    public List<Service> commands() {
        return commands;
    }

    public List<Service> queries() {
        return queries;
    }

    /** Every instance, each incident-command before its incident-query. */
    public List<Service> services() {
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            services.add(commands.get(i));
            services.add(queries.get(i));
        }
        return services;
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

    /** The PostgreSQL server taking writes: the only one, or the cluster's primary. */
    public LocalPostgres postgres() {
        return postgres.get(primary);
    }

    /** The cluster's PostgreSQL primary by its part name, {@code postgres-1} or {@code postgres-2}. */
    public String primaryPart() {
        return "postgres-" + (primary + 1);
    }

    /** Where Kafka's clients connect: the broker, or every node of the cluster. */
    public String kafkaBootstrapServers() {
        return cluster ? kafkaCluster.bootstrapServers() : kafka.bootstrapServers();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True once {@link #close()} has been called, from a shutdown hook say. */
    public boolean isStopping() {
        return stopping;
    }

    /**
     * The parts of a cluster that {@link #freeze}, {@link #resume}, {@link #kill} and {@link
     * #restart} take, by name: {@code kafka-1} to {@code kafka-3}, {@code postgres-1} and {@code
     * postgres-2}, and each service instance ({@code incident-command-1}...).
     */
    public List<String> parts() {
        List<String> parts = new ArrayList<>();
        kafkaCluster.nodeIds().forEach(id -> parts.add("kafka-" + id));
        for (int i = 1; i <= postgres.size(); i++) {
            parts.add("postgres-" + i);
        }
        services().forEach(service -> parts.add(service.name()));
        return parts;
    }

    /** A part's process id, for kill(1) by hand. */
    public long pid(String part) {
        return failable(part).pid();
    }

    /** Freezes a part (SIGSTOP): it neither answers nor leaves, as a machine cut off from the network. */
    public void freeze(String part) {
        failable(part).freeze();
    }

    /** Lets a frozen part go on (SIGCONT). */
    public void resume(String part) {
        failable(part).resume();
    }

    /** Kills a part at once (SIGKILL), as a machine that loses power. */
    public void kill(String part) {
        failable(part).kill();
    }

    /** Whether a part's process runs (frozen or not). */
    public boolean isRunning(String part) {
        return failable(part).isRunning();
    }

    /**
     * Starts a killed part again: a Kafka node on its data, a service instance; a PostgreSQL server
     * comes back as the primary's standby, copied afresh from it (its own data may hold commits the
     * promoted standby never had). Returns once it is serving.
     */
    public void restart(String part) {
        switch (kind(part)) {
            case "kafka" -> kafkaCluster.restart(number(part));
            case "postgres" -> rebuildStandby(number(part) - 1);
            default -> {
                Service service = service(part);
                if (process(service).isAlive()) {
                    throw new IllegalStateException(part + " is still running");
                }
                startService(service);
                awaitHealthy();
            }
        }
    }

    /**
     * Brings every part back: resumes the frozen, fails over if the primary is dead, and restarts
     * what was killed (the old primary as the standby). Returns once everything serves again.
     */
    public void heal() {
        parts().stream().filter(this::isRunning).forEach(this::resume);
        if (!postgres().isRunning()) {
            failOver();
        }
        parts().stream().filter(part -> !isRunning(part)).forEach(this::restart);
    }

    /**
     * Fails over to the standby, as an operator (or Patroni, or CloudNativePG) would once the
     * primary stops answering: the old primary is fenced (killed, so nothing goes on writing to it),
     * the standby promoted, and its commits no longer wait for a standby until one is back
     * ({@link #restart} of the old primary). Every commit acknowledged before is on the standby:
     * replication is synchronous.
     */
    public void failOver() {
        requireCluster();
        LocalPostgres old = postgres.get(primary);
        int standby = 1 - primary;
        say("Failing over: fencing postgres-" + (primary + 1) + " (killed), promoting postgres-" + (standby + 1));
        old.kill();
        LocalPostgres promoted = postgres.get(standby);
        promoted.promote();
        promoted.requireSynchronousStandby();
        primary = standby;
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

    private List<Integer> postgresPorts() {
        return cluster ? List.of(ports.postgres(), ports.postgres() + 1) : List.of(ports.postgres());
    }

    private List<Integer> kafkaPorts() {
        if (!cluster) {
            return List.of(ports.kafka());
        }
        List<Integer> kafkaPorts = new ArrayList<>();
        for (int i = 0; i < KAFKA_NODES; i++) {
            kafkaPorts.add(ports.kafka() + i);
        }
        return kafkaPorts;
    }

    private void startPostgres() {
        Path postgresData = dataDirectory.resolve(cluster ? "postgres-1" : "postgres");
        say("Starting PostgreSQL on " + LOOPBACK + ":" + ports.postgres() + " (fsync on), data in " + postgresData);
        LocalPostgres first = started(() -> LocalPostgres.start(postgresData, ports.postgres(),
                LocalPostgres.Durability.DURABLE, binariesDirectory));
        postgres.add(first);
        services().forEach(service -> first.createDatabase(service.database()));
        if (cluster) {
            postgres.add(null);
            rebuildStandby(1);
        }
    }

    /** Starts server {@code index} as a synchronous standby of the primary, from a fresh copy of it. */
    private void rebuildStandby(int index) {
        requireCluster();
        if (index == primary) {
            throw new IllegalStateException("postgres-" + (index + 1) + " is the primary; fail over first");
        }
        LocalPostgres old = postgres.get(index);
        if (old != null && old.isRunning()) {
            throw new IllegalStateException("postgres-" + (index + 1) + " is still running; kill it first");
        }
        LocalPostgres source = postgres.get(primary);
        String name = "postgres_" + (index + 1);
        int port = postgresPorts().get(index);
        Path data = dataDirectory.resolve("postgres-" + (index + 1));
        say("Starting PostgreSQL on " + LOOPBACK + ":" + port + " as a synchronous standby of postgres-"
                + (primary + 1) + ", copied from it into " + data);
        Directories.deleteRecursively(data);
        LocalPostgres standby = started(() -> LocalPostgres.startStandby(source, name, data, port,
                LocalPostgres.Durability.DURABLE, binariesDirectory));
        postgres.set(index, standby);
        source.requireSynchronousStandby(name);
    }

    private String startKafka() {
        Path kafkaData = dataDirectory.resolve("kafka");
        if (cluster) {
            say("Starting " + KAFKA_NODES + " Kafka nodes on " + LOOPBACK + ":" + kafkaPorts()
                    + " (flushing every record), data and logs in " + kafkaData);
            kafkaCluster = started(() -> LocalKafkaCluster.start(kafkaData, kafkaPorts()));
        } else {
            say("Starting Kafka on " + LOOPBACK + ":" + ports.kafka() + " (flushing every record), data in " + kafkaData);
            kafka = started(() -> LocalKafka.start(kafkaData, ports.kafka()));
        }
        return kafkaBootstrapServers();
    }

    /** A part's latest process. */
    private Failable failable(String part) {
        return switch (kind(part)) {
            case "kafka" -> kafkaCluster.node(number(part));
            case "postgres" -> postgresServer(part);
            default -> process(service(part));
        };
    }

    private String kind(String part) {
        requireCluster();
        if (!parts().contains(part)) {
            throw new IllegalArgumentException("No part named " + part + "; the parts are " + String.join(", ", parts()));
        }
        return part.startsWith("kafka-") ? "kafka" : part.startsWith("postgres-") ? "postgres" : "service";
    }

    private static int number(String part) {
        return Integer.parseInt(part.substring(part.lastIndexOf('-') + 1));
    }

    private LocalPostgres postgresServer(String part) {
        return postgres.get(number(part) - 1);
    }

    private Service service(String name) {
        return services().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    private void requireCluster() {
        if (!cluster) {
            throw new IllegalStateException("Only a cluster (./run.sh --cluster) has parts to fail");
        }
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
