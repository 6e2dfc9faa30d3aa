package io.sitrep.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The launcher behind ./run.sh: starts the {@link LocalSystem} on ./run.sh's ports with its data in
 * .sitrep/data (a cluster's in .sitrep/cluster), prints where everything is, and runs until Ctrl-C or
 * SIGTERM, which stop the services, then Kafka, then PostgreSQL. A cluster also reads commands that
 * fail its parts from the terminal ({@link ClusterConsole}), and a part that dies does not stop it.
 */
public final class LocalRun {

    // The services' default (SITREP_KAFKA_TOPIC overrides it, for them and for the banner alike).
    private static final String DEFAULT_EVENTS_TOPIC = "sitrep.incident-events";

    private LocalRun() {
    }

    public static void main(String[] args) {
        LocalRunOptions options;
        LocalPorts ports;
        try {
            options = LocalRunOptions.parse(args);
            ports = LocalPorts.RUN.overriddenBy(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalRunOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalSystem system = new LocalSystem(options.checkout(), options.dataDirectory(), ports, options.cluster(),
                System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "sitrep-stop"));
        try {
            system.start(options.fresh());
        } catch (RuntimeException e) {
            if (!system.isStopping()) {
                System.err.println("[sitrep] Start-up failed: " + LocalSystem.reasons(e));
                System.exit(1); // the shutdown hook stops whatever did start
            }
            return;
        }
        printBanner(system);
        if (system.isCluster()) {
            readConsole(new ClusterConsole(system));
            return;
        }
        ServiceProcess exited = awaitAnyExit(system.processes());
        if (!system.isStopping()) {
            System.err.println("[sitrep] " + exited.name() + " exited with code " + exited.exitCode() + "; stopping");
            System.exit(1);
        }
    }

    /** Carries out the terminal's lines until it closes, then runs on until Ctrl-C or SIGTERM. */
    private static void readConsole(ClusterConsole console) {
        BufferedReader terminal = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = terminal.readLine(); line != null; line = terminal.readLine()) {
                String answer = console.execute(line);
                if (!answer.isEmpty()) {
                    System.out.println("[sitrep] " + answer.stripTrailing());
                }
            }
        } catch (IOException e) {
            System.err.println("[sitrep] Cannot read the terminal (" + e.getMessage() + "); running on until stopped");
        }
        try {
            Thread.currentThread().join(); // the shutdown hook stops everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServiceProcess awaitAnyExit(List<ServiceProcess> processes) {
        CompletableFuture.anyOf(processes.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new)).join();
        return processes.stream().filter(service -> !service.isAlive()).findFirst().orElseThrow();
    }

    private static void printBanner(LocalSystem system) {
        LocalPostgres postgres = system.postgres();
        StringBuilder banner = new StringBuilder("\n========================================================================\n");
        banner.append(system.isCluster() ? " Sitrep is running as a cluster\n\n" : " Sitrep is running\n\n");
        for (LocalSystem.Service service : system.services()) {
            banner.append(String.format(" %-19s %s    Swagger UI: %s%n",
                    service.name(), service.baseUrl(), service.baseUrl().resolve("/swagger-ui.html")));
        }
        banner.append(String.format(" %-19s %s (scopes %s)%n", "API key", LocalSystem.API_KEY, LocalSystem.API_KEY_SCOPES));
        banner.append(String.format(" %-19s %s (user %s), databases %s%n", "PostgreSQL",
                system.jdbcUrl(""), postgres.username(),
                String.join(", ", system.services().stream().map(LocalSystem.Service::database).distinct().toList())));
        banner.append(String.format(" %-19s %s, topic %s%n", "Kafka", system.kafkaBootstrapServers(),
                System.getenv().getOrDefault("SITREP_KAFKA_TOPIC", DEFAULT_EVENTS_TOPIC)));
        banner.append(String.format(" %-19s %s (%s)%n", "Data", system.dataDirectory(),
                system.isCluster() ? "emptied at each start" : "./run.sh --fresh wipes it"));
        if (system.isCluster()) {
            banner.append(String.format(" %-19s %s%n", "Logs", "PostgreSQL's and each Kafka node's, beside their data"));
            banner.append("\n Fail a part: type a command and press Enter.\n").append(ClusterConsole.HELP);
            banner.append("\n The parts (or send a signal by hand, as in kill -STOP <pid>):\n");
            banner.append(new ClusterConsole(system).parts());
        } else {
            banner.append(String.format(" %-19s %s%n", "PostgreSQL log", postgres.logFile()));
        }
        banner.append("\n Ctrl-C to stop\n");
        banner.append("========================================================================\n");
        System.out.println(banner);
    }
}
