package io.sitrep.bench;

import io.sitrep.local.LocalSystem;
import io.sitrep.local.ServiceProcess;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How fast incident-query catches up after a burst it missed: it is stopped, the write API takes a
 * burst, it is started again (same jar, same environment), and the clock runs until it has
 * applied everything: nothing is left in the {@link Backlog}.
 */
final class CatchUp {

    /** How long applying may take at the least: longer for a burst of over 300,000 events (1,000/s). */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * @param events            writes answered with a 2xx, each one event
     * @param secondsToHealthy  from starting incident-query to its health answering 200
     * @param secondsToApplied  from that answer to everything applied; null if not within the timeout
     * @param eventsPerSecond   events / secondsToApplied
     */
    record Result(long events, Counts writes, double secondsToHealthy, Double secondsToApplied,
                  Double eventsPerSecond) {
    }

    private CatchUp() {
    }

    static Result run(LocalSystem system, WriteMix writes, int count, int connections) {
        return run("catch-up", system, writes, response -> { }, count, connections);
    }

    /**
     * As {@link #run(LocalSystem, WriteMix, int, int)}, with these writes, each 2xx answer passed to
     * {@code answered}.
     */
    static Result run(String phase, LocalSystem system, Supplier<Request> writes, Consumer<Response> answered,
                      long count, int connections) {
        Load.Result[] burst = new Load.Result[1];
        Applied applied = afterBacklog(phase, system, () -> {
            burst[0] = Load.run(phase + ": writes", system.command().baseUrl(), connections, Pacing.requests(count),
                    writes, answered);
            return burst[0].counts().ok();
        });
        return new Result(applied.events(), burst[0].counts(), applied.secondsToHealthy(), applied.secondsToApplied(),
                applied.eventsPerSecond());
    }

    /**
     * How a restarted incident-query applied a backlog.
     *
     * @param secondsToApplied from healthy to everything applied; null if not within the timeout
     * @param eventsPerSecond  events / secondsToApplied
     */
    record Applied(long events, double secondsToHealthy, Double secondsToApplied, Double eventsPerSecond) {
    }

    /**
     * The catch-up itself: incident-query is stopped, {@code backlog} makes one (answering how many
     * events it holds), incident-query is started again (same jar, same environment), and the clock
     * runs from its health answering 200 until nothing is left in the {@link Backlog}.
     */
    static Applied afterBacklog(String phase, LocalSystem system, LongSupplier backlog) {
        say("Stopping incident-query");
        system.process(system.query()).close();
        long events = backlog.getAsLong();
        Duration timeout = Duration.ofMillis(Math.max(TIMEOUT.toMillis(), events));

        long start = System.nanoTime();
        ServiceProcess restarted = system.startService(system.query());
        system.awaitHealthy();
        long healthy = System.nanoTime();
        double secondsToHealthy = (healthy - start) / 1e9;
        say(String.format("incident-query (pid %d) healthy after %.1f s", restarted.pid(), secondsToHealthy));

        try (Backlog left = new Backlog(system.command().baseUrl(), system.kafkaBootstrapServers())) {
            if (left.awaitEmpty(phase + ": applying", timeout)) {
                double secondsToApplied = (System.nanoTime() - healthy) / 1e9;
                return new Applied(events, secondsToHealthy, secondsToApplied, events / secondsToApplied);
            }
        }
        say("incident-query had not applied the backlog " + timeout.toMinutes() + " minutes after it was healthy");
        return new Applied(events, secondsToHealthy, null, null);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
