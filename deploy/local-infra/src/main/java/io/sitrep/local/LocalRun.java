package io.sitrep.local;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The launcher behind ./run.sh: starts the {@link LocalSystem} on ./run.sh's ports with its data in
 * .sitrep/data, prints where everything is, and runs until Ctrl-C or SIGTERM, which stop the
 * services, then Kafka, then PostgreSQL.
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
        LocalSystem system = new LocalSystem(options.checkout(), options.dataDirectory(), ports, System.getenv());
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
        ServiceProcess exited = awaitAnyExit(system.processes());
        if (!system.isStopping()) {
            System.err.println("[sitrep] " + exited.name() + " exited with code " + exited.exitCode() + "; stopping");
            System.exit(1);
        }
    }

    private static ServiceProcess awaitAnyExit(List<ServiceProcess> processes) {
        CompletableFuture.anyOf(processes.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new)).join();
        return processes.stream().filter(service -> !service.isAlive()).findFirst().orElseThrow();
    }

    private static void printBanner(LocalSystem system) {
        LocalPostgres postgres = system.postgres();
        StringBuilder banner = new StringBuilder("\n========================================================================\n");
        banner.append(" Sitrep is running\n\n");
        for (LocalSystem.Service service : system.services()) {
            banner.append(String.format(" %-17s %s    Swagger UI: %s%n",
                    service.name(), service.baseUrl(), service.baseUrl().resolve("/swagger-ui.html")));
        }
        banner.append(String.format(" %-17s %s (scopes %s)%n", "API key", LocalSystem.API_KEY, LocalSystem.API_KEY_SCOPES));
        banner.append(String.format(" %-17s %s (user %s), databases %s%n", "PostgreSQL",
                postgres.jdbcUrl(""), postgres.username(),
                String.join(", ", system.services().stream().map(LocalSystem.Service::database).toList())));
        banner.append(String.format(" %-17s %s, topic %s%n", "Kafka", system.kafka().bootstrapServers(),
                System.getenv().getOrDefault("SITREP_KAFKA_TOPIC", DEFAULT_EVENTS_TOPIC)));
        banner.append(String.format(" %-17s %s (./run.sh --fresh wipes it)%n", "Data", system.dataDirectory()));
        banner.append(String.format(" %-17s %s%n", "PostgreSQL log", postgres.logFile()));
        banner.append("\n Ctrl-C to stop\n");
        banner.append("========================================================================\n");
        System.out.println(banner);
    }
}
